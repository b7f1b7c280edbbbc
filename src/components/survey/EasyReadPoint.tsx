import type { ReactNode } from 'react';
import type { z } from 'astro/zod';
import type { easyReadPictureSchema } from '../../schemas/easyRead.ts';
import { pictogramSrc } from '../../schemas/pictograms.ts';

export type EasyReadPicture = z.output<typeof easyReadPictureSchema>;

/**
 * One easy-read point as UK easy read lays it out: the picture on the left, the words on the
 * right. Without a picture the words stand alone.
 */
export function EasyReadPoint({
  picture,
  children,
}: {
  picture?: EasyReadPicture;
  children: ReactNode;
}) {
  if (!picture) return <>{children}</>;
  return (
    <div className="sg-easy-read-point" data-easy-read-point>
      <img
        className="sg-easy-read-point__picture"
        src={pictogramSrc(picture.pictogram)}
        alt={picture.alt}
        width={72}
        height={72}
      />
      <div className="sg-easy-read-point__words">{children}</div>
    </div>
  );
}

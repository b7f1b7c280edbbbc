import type { ReactNode } from 'react';
import type { Page } from '../../schemas/index.ts';
import { DateText } from './DateText.tsx';

/** A standing page (about, privacy, ...); `children` is the rendered markdown body. */
export function PageView({ page, children }: { page: Page; children?: ReactNode }) {
  return (
    <>
      <h1 className="govuk-heading-xl">{page.title}</h1>
      <div className="sg-prose">{children}</div>
      <p className="govuk-body-s">
        Last updated <DateText date={page.updated} />.
      </p>
    </>
  );
}

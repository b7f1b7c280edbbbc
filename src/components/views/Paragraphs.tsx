import type { ReactNode } from 'react';

/** A path on this site written in plain text, such as "/withdraw/", between words. */
const SITE_PATH = /(?<=^|\s|\()(\/[a-z0-9-]+(?:\/[a-z0-9-]+)*\/)(?=$|[\s.,;:)])/g;

/**
 * Plain text from a data file, with blank lines as paragraph breaks. Never parsed as HTML. A path
 * on this site written in the text ("enter the code on the /withdraw/ page") becomes a link
 * named in words ("withdraw"), so nobody has to copy an address.
 */
export function Paragraphs({
  text,
  className = 'govuk-body',
}: {
  text?: string;
  className?: string;
}) {
  const paragraphs = (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p className={className} key={i}>
          {withLinks(paragraph)}
        </p>
      ))}
    </>
  );
}

function withLinks(paragraph: string): ReactNode[] {
  return paragraph.split(SITE_PATH).map((part, i) =>
    // split() with a capturing group puts each matched path at the odd positions.
    i % 2 === 1 ? (
      <a className="govuk-link" href={part} key={i}>
        {part.replace(/^\/|\/$/g, '').replace(/[-/]/g, ' ')}
      </a>
    ) : (
      part
    ),
  );
}

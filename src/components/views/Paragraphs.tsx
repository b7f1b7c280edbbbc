/** Plain text from a data file, with blank lines as paragraph breaks. Never parsed as HTML. */
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
          {paragraph}
        </p>
      ))}
    </>
  );
}

import type { ReactNode } from 'react';
import type { Finding } from '../../schemas/index.ts';
import type { Source } from '../../lib/findings.ts';
import { DateText } from './DateText.tsx';

/** A finding as participants see it; `children` is the rendered markdown body. */
export function FindingView({
  finding,
  sources,
  children,
}: {
  finding: Finding;
  sources: Source[];
  children?: ReactNode;
}) {
  return (
    <>
      <span className="govuk-caption-l">Finding</span>
      <h1 className="govuk-heading-xl">{finding.title}</h1>
      <p className="govuk-body-l">{finding.summary}</p>
      <p className="govuk-body-s">
        Published <DateText date={finding.date} />.
      </p>
      <div className="sg-prose">{children}</div>
      {finding.youSaidWeDid.length > 0 && (
        <>
          <h2 className="govuk-heading-l">You said, we did</h2>
          <dl className="govuk-summary-list">
            {finding.youSaidWeDid.map((item, i) => (
              <div className="govuk-summary-list__row" key={i}>
                <dt className="govuk-summary-list__key">You said: {item.said}</dt>
                <dd className="govuk-summary-list__value">We did: {item.did}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {sources.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Where this comes from</h2>
          <ul className="govuk-list govuk-list--bullet">
            {sources.map((source) => (
              <li key={source.href}>
                <a className="govuk-link" href={source.href}>
                  {source.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {finding.tags.length > 0 && (
        <p className="govuk-body-s">
          Topics:{' '}
          {finding.tags.map((tag) => (
            <strong className="govuk-tag govuk-tag--grey" key={tag}>
              {tag.replaceAll('-', ' ')}
            </strong>
          ))}
        </p>
      )}
    </>
  );
}

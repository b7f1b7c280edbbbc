import type { ReactNode } from 'react';
import type { Finding } from '../../schemas/index.ts';
import type { Source } from '../../lib/findings.ts';
import { DateText } from './DateText.tsx';
import { EmotionCurve } from '../journey/EmotionCurve.tsx';
import { feelingLabel } from '../../forms/journeyMap.ts';

/** A finding as participants see it; `children` is the rendered markdown body. */
export function FindingView({
  finding,
  sources,
  shaped = [],
  children,
}: {
  finding: Finding;
  sources: Source[];
  /** The prototype scopes this finding shaped. */
  shaped?: Source[];
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
      {finding.journeyMap && <FindingJourneyMap map={finding.journeyMap} />}
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
      {shaped.length > 0 && (
        <>
          <h2 className="govuk-heading-m">What this finding changed</h2>
          <p className="govuk-body">What people told us shaped these prototype scopes:</p>
          <ul className="govuk-list govuk-list--bullet" data-shaped-prototypes>
            {shaped.map((scope) => (
              <li key={scope.href}>
                <a className="govuk-link" href={scope.href}>
                  {scope.title}
                </a>
              </li>
            ))}
          </ul>
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

/** A journey map in a finding: the participants' curve, and the same values in a table. */
function FindingJourneyMap({ map }: { map: NonNullable<Finding['journeyMap']> }) {
  return (
    <section aria-labelledby="finding-map-title">
      <h2 className="govuk-heading-l" id="finding-map-title">
        {map.title}
      </h2>
      <EmotionCurve id="finding-curve" points={map.stages} />
      {/* Named as its caption: the section around it already has the map's title, and two
          landmarks with one name cannot be told apart (axe landmark-unique). */}
      <div
        className="sg-table-scroll"
        tabIndex={0}
        role="region"
        aria-label={`${map.title}: each stage`}
      >
        <table className="govuk-table" data-journey-table>
          <caption className="govuk-table__caption govuk-table__caption--m">
            {map.title}: each stage
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Stage
              </th>
              <th scope="col" className="govuk-table__header">
                How it felt
              </th>
              <th scope="col" className="govuk-table__header">
                What people said
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {map.stages.map((stage, i) => (
              <tr className="govuk-table__row" key={i}>
                <th scope="row" className="govuk-table__header">
                  {i + 1}. {stage.name}
                </th>
                <td className="govuk-table__cell" data-feeling={stage.feeling}>
                  {feelingLabel(String(stage.feeling))}
                </td>
                <td className="govuk-table__cell">{stage.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

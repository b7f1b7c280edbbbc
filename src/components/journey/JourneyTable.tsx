import type { ReactNode } from 'react';
import { feelingLabel, type StageValues } from '../../forms/journeyMap.ts';
import { journeyWords } from '../../forms/journeyWords.ts';

/** The map as a table: the same stages and feelings as the curve, and everything else said. */
export function JourneyTable({
  stages,
  roleLabel,
  easyRead = false,
  caption = journeyWords(easyRead).table.caption,
  change,
}: {
  /** The participant chose easy read: headings and feelings in easy-read words. */
  easyRead?: boolean;
  stages: StageValues[];
  roleLabel: (value: string) => string;
  caption?: string;
  /** On the check page: a "Change" control for each stage, in a last column. */
  change?: (index: number) => ReactNode;
}) {
  const words = journeyWords(easyRead);
  const [stageHead, felt, who, happened, helped, wouldHaveHelped] = words.table.columns;
  return (
    <div className="sg-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="govuk-table" data-journey-table>
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {stageHead}
            </th>
            <th scope="col" className="govuk-table__header">
              {felt}
            </th>
            <th scope="col" className="govuk-table__header">
              {who}
            </th>
            <th scope="col" className="govuk-table__header">
              {happened}
            </th>
            <th scope="col" className="govuk-table__header">
              {helped}
            </th>
            <th scope="col" className="govuk-table__header">
              {wouldHaveHelped}
            </th>
            {change && (
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">{words.change}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {stages.map((stage, i) => (
            <tr className="govuk-table__row" key={i}>
              <th scope="row" className="govuk-table__header">
                {i + 1}. {stage.name}
              </th>
              <td className="govuk-table__cell" data-feeling={stage.feeling}>
                {easyRead && stage.feeling
                  ? words.feelings[Number(stage.feeling) - 1]
                  : feelingLabel(stage.feeling)}
              </td>
              <td className="govuk-table__cell">
                {(stage.who ?? []).map(roleLabel).join(', ') || '—'}
              </td>
              <td className="govuk-table__cell">{stage.happened || '—'}</td>
              <td className="govuk-table__cell">{stage.helped || '—'}</td>
              <td className="govuk-table__cell">{stage.wouldHaveHelped || '—'}</td>
              {change && <td className="govuk-table__cell">{change(i)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

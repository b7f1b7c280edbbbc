import type { ReactNode } from 'react';
import { audienceText } from '../../lib/activities.ts';
import type { Journey, Survey } from '../../schemas/index.ts';
import { DateText } from './DateText.tsx';
import { Paragraphs } from './Paragraphs.tsx';
import { EasyReadPoint } from '../survey/EasyReadPoint.tsx';
import { ReadAloudControls } from '../survey/ReadAloud.tsx';

const STATUS = { draft: 'Draft', open: 'Open', closed: 'Closed' } as const;

/**
 * What a participant reads before agreeing to take part: who it is for, how long, what happens
 * to the answers, how to withdraw. Used by the survey and journey pages and the CMS preview.
 */
export function ActivityIntro({
  kind,
  activity,
  easyRead = false,
  children,
}: {
  kind: string;
  activity: Survey | Journey;
  /** The participant chose easy read: its introduction comes first and open. */
  easyRead?: boolean;
  children?: ReactNode;
}) {
  const readEasy = easyRead && Boolean(activity.easyReadIntro);
  return (
    <>
      <span className="govuk-caption-l">{kind}</span>
      <h1 className="govuk-heading-xl">{activity.title}</h1>
      <p className="govuk-body-l">{activity.summary}</p>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Who it is for</dt>
          <dd className="govuk-summary-list__value">{audienceText(activity.audience ?? [])}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">How long it takes</dt>
          <dd className="govuk-summary-list__value">About {activity.estimatedMinutes} minutes</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value">
            {STATUS[activity.status] ?? activity.status}: from <DateText date={activity.opens} /> to{' '}
            <DateText date={activity.closes} />
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">How long we keep answers</dt>
          <dd className="govuk-summary-list__value">
            {activity.retentionMonths} months after it closes, then they are deleted
          </dd>
        </div>
      </dl>
      <h2 className="govuk-heading-m">About this research</h2>
      {readEasy ? (
        <div data-easy-read-intro>
          <ReadAloudControls
            words={activity.easyReadIntro!.split(/\n+/)}
            what="about this research"
          />
          <EasyReadPoint picture={{ pictogram: 'information', alt: 'Information' }}>
            <Paragraphs text={activity.easyReadIntro!} />
          </EasyReadPoint>
        </div>
      ) : (
        <Paragraphs text={activity.intro} />
      )}
      {activity.easyReadIntro && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              {readEasy ? 'Read this in standard wording' : 'Read this in easy read'}
            </span>
          </summary>
          <div className="govuk-details__text">
            <Paragraphs text={readEasy ? activity.intro : activity.easyReadIntro} />
          </div>
        </details>
      )}
      {/* A form that asks for consent shows the statements itself, as checkboxes. */}
      {children ?? (
        <>
          <h2 className="govuk-heading-m">What you will be asked to agree to</h2>
          <ul className="govuk-list govuk-list--bullet">
            {(activity.consent?.statements ?? []).map((statement) => (
              <li key={statement.id}>{statement.text}</li>
            ))}
          </ul>
          <p className="govuk-body">
            You can withdraw your answers later with the receipt code you get when you finish.
          </p>
        </>
      )}
    </>
  );
}

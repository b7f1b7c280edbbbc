import type { ReactNode } from 'react';
import { introWords } from '../../lib/introWords.ts';
import type { Journey, Survey } from '../../schemas/index.ts';
import { DateText } from './DateText.tsx';
import { Paragraphs } from './Paragraphs.tsx';
import { EasyReadPoint } from '../survey/EasyReadPoint.tsx';
import { ReadAloudControls } from '../survey/ReadAloud.tsx';

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
  // The facts list is in easy read too, once the participant chose it (one idea a line).
  const w = introWords(readEasy);
  const [from, to] = w.fromTo;
  return (
    <>
      <span className="govuk-caption-l">{kind}</span>
      <h1 className="govuk-heading-xl">{activity.title}</h1>
      <p className="govuk-body-l">{activity.summary}</p>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{w.whoFor}</dt>
          <dd className="govuk-summary-list__value">
            {(activity.audience ?? []).map((a) => w.audiences[a]).join('; ')}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{w.howLong}</dt>
          <dd className="govuk-summary-list__value">{w.minutes(activity.estimatedMinutes)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{w.status}</dt>
          <dd className="govuk-summary-list__value">
            {w.statuses[activity.status] ?? activity.status}
            {readEasy ? '. ' : ': '}
            {from} <DateText date={activity.opens} />
            {readEasy ? '. ' : ' '}
            {to} <DateText date={activity.closes} />
            {readEasy ? '.' : ''}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{w.keep}</dt>
          <dd className="govuk-summary-list__value">{w.keepFor(activity.retentionMonths)}</dd>
        </div>
      </dl>
      <h2 className="govuk-heading-m">{w.about}</h2>
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
        <>
          <ReadAloudControls words={activity.intro.split(/\n+/)} what="about this research" />
          <Paragraphs text={activity.intro} />
        </>
      )}
      {activity.easyReadIntro && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{w.otherWording(readEasy)}</span>
          </summary>
          <div className="govuk-details__text">
            <Paragraphs text={readEasy ? activity.intro : activity.easyReadIntro} />
          </div>
        </details>
      )}
      {/* A form that asks for consent shows the statements itself, as checkboxes. */}
      {children ?? (
        <>
          <h2 className="govuk-heading-m">{w.agreeHeading}</h2>
          <ul className="govuk-list govuk-list--bullet">
            {(activity.consent?.statements ?? []).map((statement) => (
              <li key={statement.id}>{statement.text}</li>
            ))}
          </ul>
          <p className="govuk-body">{w.withdrawNote}</p>
        </>
      )}
    </>
  );
}

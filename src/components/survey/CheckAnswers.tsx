import type { Question, Survey } from '../../schemas/index.ts';
import {
  askedQuestions,
  otherKey,
  PREFER_NOT_TO_SAY,
  questionText,
  type Answers,
} from '../../forms/questions.ts';
import { choiceOptions } from './choiceOptions.ts';
import { inEasyRead } from '../../forms/easyReadQuestion.ts';
import { ReadAloudControls } from './ReadAloud.tsx';
import { partsToDate, type DateParts } from '../../forms/dates.ts';
import { formatDate } from '../../lib/dates.ts';
import { flowWords } from '../../forms/flowWords.ts';

/**
 * GOV.UK check answers: a summary list, one row a question asked, each with a Change control
 * whose accessible name says which answer it changes. Change is a submit button so that, without
 * JavaScript, the answers travel with it instead of living on the server.
 */
export function CheckAnswers({
  survey,
  answers,
  easyRead,
  onChange,
}: {
  survey: Survey;
  answers: Answers;
  easyRead: boolean;
  onChange?: (id: string) => void;
}) {
  const asked = askedQuestions(survey, answers).map((q) => inEasyRead(q, easyRead));
  return (
    <>
      <ReadAloudControls
        words={asked.map(
          (q) => `${questionText(q, easyRead)}: ${describeAnswer(q, answers, easyRead)}`,
        )}
        what="your answers"
      />
      <dl className="govuk-summary-list">
        {asked.map((question) => {
          const text = questionText(question, easyRead);
          return (
            <div className="govuk-summary-list__row" key={question.id}>
              <dt className="govuk-summary-list__key">{text}</dt>
              <dd className="govuk-summary-list__value">
                {describeAnswer(question, answers, easyRead)}
              </dd>
              <dd className="govuk-summary-list__actions">
                <button
                  type="submit"
                  name="action"
                  value={`change:${question.id}`}
                  className="sg-link-button govuk-link"
                  onClick={
                    onChange &&
                    ((event) => {
                      event.preventDefault();
                      onChange(question.id);
                    })
                  }
                >
                  Change<span className="govuk-visually-hidden"> your answer to: {text}</span>
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}

/**
 * An answer as words: option labels rather than codes, dates as "3 February 2026", ratings with
 * their scale's words, numbers with their unit, "Not provided" when skipped.
 */
export function describeAnswer(question: Question, answers: Answers, easyRead = false): string {
  const words = flowWords(easyRead);
  const value = answers[question.id];
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return words.notProvided;
  if (value === PREFER_NOT_TO_SAY) return words.preferNotToSay;
  switch (question.type) {
    case 'date': {
      const parts = value as DateParts;
      const date = partsToDate(parts);
      return date
        ? formatDate(date)
        : [parts.day, parts.month, parts.year].filter(Boolean).join(' ');
    }
    case 'number':
      return question.unit ? `${String(value)} ${question.unit}` : String(value);
    case 'rating':
      return `${String(value)} out of ${question.max} (${question.min} is ${question.minLabel}, ${question.max} is ${question.maxLabel})`;
  }
  const { options, exclusive } = choiceOptions(question, easyRead);
  const all = [...options, ...exclusive];
  if (all.length === 0) return String(value);
  const label = (v: string) =>
    v === 'other'
      ? `${words.otherAnswer}: ${String(answers[otherKey(question.id)] ?? '')}`
      : (all.find((o) => o.value === v)?.label ?? v);
  return Array.isArray(value) ? value.map(label).join(', ') : label(String(value));
}

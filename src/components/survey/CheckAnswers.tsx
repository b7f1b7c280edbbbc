import type { Question, Survey } from '../../schemas/index.ts';
import { askedQuestions, otherKey, questionText, type Answers } from '../../forms/questions.ts';
import { choiceOptions } from './choiceOptions.ts';
import { inEasyRead } from '../../forms/easyReadQuestion.ts';
import { ReadAloudControls } from './ReadAloud.tsx';
import type { DateParts } from '../../forms/dates.ts';

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
        words={asked.map((q) => `${questionText(q, easyRead)}: ${describeAnswer(q, answers)}`)}
        what="your answers"
      />
      <dl className="govuk-summary-list">
        {asked.map((question) => {
          const text = questionText(question, easyRead);
          return (
            <div className="govuk-summary-list__row" key={question.id}>
              <dt className="govuk-summary-list__key">{text}</dt>
              <dd className="govuk-summary-list__value">{describeAnswer(question, answers)}</dd>
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

/** An answer as words: option labels rather than codes, "Not provided" when skipped. */
export function describeAnswer(question: Question, answers: Answers): string {
  const value = answers[question.id];
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return 'Not provided';
  if (question.type === 'date') {
    const parts = value as DateParts;
    return [parts.day, parts.month, parts.year].filter(Boolean).join(' ');
  }
  const { options, exclusive } = choiceOptions(question);
  const all = [...options, ...exclusive];
  if (all.length === 0) return String(value);
  const label = (v: string) =>
    v === 'other'
      ? `Other: ${String(answers[otherKey(question.id)] ?? '')}`
      : (all.find((o) => o.value === v)?.label ?? v);
  return Array.isArray(value) ? value.map(label).join(', ') : label(String(value));
}

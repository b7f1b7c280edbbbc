import type { Survey } from '../../schemas/index.ts';
import { askedQuestions, questionText, type Answers } from '../../forms/questions.ts';
import { inEasyRead } from '../../forms/easyReadQuestion.ts';
import { ReadAloudControls } from './ReadAloud.tsx';
import { describeAnswer } from '../../forms/describeAnswer.ts';

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

import { useLayoutEffect, useRef, useState, type ChangeEvent } from 'react';
import { useSelector } from 'react-redux';
import {
  CONDITION_MARK as MARK,
  earlierQuestions,
  staleCondition,
  type Condition,
  type DraftQuestion,
} from './conditionChoices.ts';

/** Decap hands widgets Immutable.js values; a value this control wrote itself is plain. */
type Value = { toJS(): unknown } | Condition | null | undefined;
const plain = <T,>(value: unknown): T | undefined =>
  (value && typeof (value as { toJS?: unknown }).toJS === 'function'
    ? (value as { toJS(): unknown }).toJS()
    : value) as T | undefined;

interface ControlProps {
  forID: string;
  value: Value;
  onChange(value: Condition | undefined): void;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}

/** The part of Decap's Redux state this control reads: the entry being edited. */
interface EditorState {
  entryDraft: { getIn(path: string[]): unknown };
}

/**
 * The questions as they are written now. Decap's `entry` prop can be stale (its EditorControl
 * says so, and redraws a control only when the control's own value changes), so the control
 * reads Decap's store itself and redraws whenever the questions do: renaming an earlier question
 * shows in this list at once. The selector returns Decap's immutable list, which keeps its
 * identity until the questions change. `react-redux` is Decap's own (decap-cms-core depends on
 * it, and the editor runs inside its Provider); it is not declared here because its React peer
 * range stops at 18 while Decap runs on this project's React 19.
 */
function useQuestions(): DraftQuestion[] {
  const questions = useSelector((state: EditorState) =>
    state.entryDraft.getIn(['entry', 'data', 'questions']),
  );
  return plain<DraftQuestion[]>(questions) ?? [];
}

/**
 * Which question this control belongs to. Decap tells a widget its value and the whole entry,
 * not where it sits; every question has exactly one of these controls, in question order
 * (collapsed questions keep theirs, hidden), so its place among them is its question's.
 */
function useQuestionIndex() {
  const ref = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(-1);
  useLayoutEffect(() => {
    const all = Array.from(ref.current?.ownerDocument.querySelectorAll(`[${MARK}]`) ?? []);
    const found = all.indexOf(ref.current!);
    if (found !== index) setIndex(found);
  });
  return { ref, index };
}

/**
 * "Show only when": an earlier question, chosen by its wording, then one of its answers. Two
 * native selects, each with a visible label, so it works by keyboard and screen reader as any
 * form does. Nothing is typed, so a condition can only name a question and answer that exist;
 * one made before (or broken by a later rename) stays visible as such until it is changed.
 */
export function ConditionControl(props: ControlProps) {
  const { forID, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = props;
  const { ref, index } = useQuestionIndex();
  const questions = useQuestions();
  const choices = earlierQuestions(questions, index);
  const value = plain<Condition>(props.value) ?? {};
  const stale = staleCondition(value, choices);
  const target = choices.find((choice) => choice.id === value.question);
  const focus = { onFocus: setActiveStyle, onBlur: setInactiveStyle };

  const chooseQuestion = (event: ChangeEvent<HTMLSelectElement>) => {
    const question = event.target.value;
    // The answer is always chosen, never assumed: until it is, saving says it is missing.
    onChange(question ? { question, equals: '' } : undefined);
  };
  const chooseAnswer = (event: ChangeEvent<HTMLSelectElement>) =>
    onChange({ question: value.question, equals: event.target.value });

  return (
    <div ref={ref} {...{ [MARK]: '' }}>
      <select
        id={forID}
        className={classNameWrapper}
        value={value.question ?? ''}
        onChange={chooseQuestion}
        {...focus}
      >
        <option value="">Always ask this question</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
        {stale.question && (
          <option value={stale.question}>
            “{stale.question}”: not an earlier question any more, choose again
          </option>
        )}
      </select>
      {value.question && (
        <>
          <label
            htmlFor={`${forID}-answer`}
            style={{ display: 'block', margin: '16px 0 8px', fontWeight: 600 }}
          >
            When the answer is
          </label>
          <select
            id={`${forID}-answer`}
            className={classNameWrapper}
            value={value.equals ?? ''}
            onChange={chooseAnswer}
            {...focus}
          >
            <option value="">Choose an answer</option>
            {target?.answers.map((answer) => (
              <option key={answer.value} value={answer.value}>
                {answer.label}
              </option>
            ))}
            {stale.equals && (
              <option value={stale.equals}>
                “{stale.equals}”: not one of its answers, choose again
              </option>
            )}
          </select>
        </>
      )}
    </div>
  );
}

/** In the entry's preview a condition is shown by the participant form itself. */
export function ConditionPreview() {
  return null;
}

import type { Answers } from '../../forms/questions.ts';

/**
 * Without JavaScript, each step is a separate form post. The answers given on other steps ride
 * along as hidden fields, so nothing is kept on the server before the participant submits.
 */
export function HiddenAnswers({ answers, except = [] }: { answers: Answers; except?: string[] }) {
  const fields: [string, string][] = [];
  for (const [key, value] of Object.entries(answers)) {
    if (except.includes(key) || except.some((id) => key === `${id}-other`)) continue;
    if (Array.isArray(value)) value.forEach((v) => fields.push([`answers.${key}`, String(v)]));
    else if (value && typeof value === 'object') {
      for (const [part, partValue] of Object.entries(value)) {
        if (partValue) fields.push([`answers.${key}.${part}`, String(partValue)]);
      }
    } else if (value !== undefined && value !== '') fields.push([`answers.${key}`, String(value)]);
  }
  return (
    <>
      {fields.map(([name, value], i) => (
        <input type="hidden" name={name} value={value} key={`${name}-${i}`} />
      ))}
    </>
  );
}

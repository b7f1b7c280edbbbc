import { useEffect, useState } from 'react';
import type { Question } from '../../schemas/index.ts';
import { choiceOptions } from '../../forms/choiceOptions.ts';

/**
 * "Read aloud" and "Stop": the browser's own speech, for people who find reading hard. Shown only
 * where the browser can speak (they need JavaScript too), so nobody meets a button that does
 * nothing. `what` names what is read, after the visible words (WCAG 2.5.3).
 */
export function ReadAloudControls({ words, what }: { words: string[]; what: string }) {
  const [available, setAvailable] = useState(false);
  useEffect(() => setAvailable('speechSynthesis' in window), []);
  if (!available) return null;
  const speak = () => {
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(sentences(words)));
  };
  return (
    <div className="govuk-button-group sg-read-aloud" data-read-aloud>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        aria-label={`Read aloud: ${what}`}
        onClick={speak}
      >
        Read aloud
      </button>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        aria-label={`Stop reading: ${what}`}
        onClick={() => window.speechSynthesis.cancel()}
      >
        Stop reading
      </button>
    </div>
  );
}

/**
 * Read aloud for one question: its error first when it has one (as a screen reader hears the
 * inline "Error:"), then the question, its hint and every option, as shown.
 */
export function ReadAloud({
  question,
  text,
  easyRead,
  error,
}: {
  question: Question;
  text: string;
  easyRead: boolean;
  error?: string;
}) {
  const { options, exclusive } = choiceOptions(question, easyRead);
  const words = [
    error ? `Error: ${error}` : '',
    text,
    question.hint ?? '',
    ...[...options, ...exclusive].map((o) => o.label),
  ];
  return <ReadAloudControls words={words} what={text} />;
}

/** One sentence a part, so the voice pauses between them; no full stop after a "?" or ".". */
export const sentences = (words: string[]) =>
  words
    .map((w) => w.trim())
    .filter(Boolean)
    .map((w) => (/[.?!:]$/.test(w) ? w : `${w}.`))
    .join(' ');

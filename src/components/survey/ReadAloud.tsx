import { useEffect, useState } from 'react';
import type { Question } from '../../schemas/index.ts';
import { choiceOptions } from './choiceOptions.ts';

/**
 * "Read aloud": the browser's own speech, for people who find reading hard. Shown only where
 * the browser can speak, so nobody meets a button that does nothing.
 */
export function ReadAloud({ question, text }: { question: Question; text: string }) {
  const [available, setAvailable] = useState(false);
  useEffect(() => setAvailable('speechSynthesis' in window), []);
  if (!available) return null;
  const speak = () => {
    const { options, exclusive } = choiceOptions(question);
    const words = [
      text,
      question.hint,
      ...[...options, ...exclusive].map((option) => option.label),
    ].filter(Boolean);
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(words.join('. ')));
  };
  return (
    <button
      type="button"
      className="govuk-button govuk-button--secondary sg-read-aloud"
      // The visible words come first in the name (WCAG 2.5.3), then which question it reads.
      aria-label={`Read aloud: ${text}`}
      onClick={speak}
    >
      Read aloud
    </button>
  );
}

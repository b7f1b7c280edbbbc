import { useLayoutEffect, useRef } from 'react';
import { ReadAloudControls } from './ReadAloud.tsx';

export interface SummaryItem {
  /** The id of the field to focus: a question's first input, or a date's first wrong part. */
  href: string;
  text: string;
}

/**
 * GOV.UK error summary: first in the form, focused when it appears (otherwise screen readers
 * announce only the field type, govuk-frontend error-summary.mjs), each problem a link that
 * moves focus to the field and scrolls its label or legend into view, leaving no #hash in the URL.
 */
export function ErrorSummary({
  items,
  focusKey,
  title = 'There is a problem',
}: {
  items: SummaryItem[];
  focusKey: number;
  /** The summary's heading in the participant's wording (src/forms/flowWords.ts). */
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Focused as it is put on the page (a layout effect, not a later one), so a key pressed as
  // soon as the summary shows already starts from it.
  useLayoutEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [focusKey, items.length]);
  if (items.length === 0) return null;
  return (
    <div
      className="govuk-error-summary"

      ref={ref}
      tabIndex={-1}
      autoFocus
    >
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((item) => (
              <li key={item.href}>
                <a href={`#${item.href}`} onClick={(event) => focusField(event, item.href)}>
                  {item.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <ReadAloudControls words={[title, ...items.map((item) => item.text)]} what="the problems" />
    </div>
  );
}

function focusField(event: React.MouseEvent, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  const legend = field.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${id}"]`);
  (legend ?? label ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}

import { flushSync } from 'react-dom';

/**
 * Puts a new step on the screen and moves focus to it in one go. A timer (the usual
 * `setTimeout(focus, 0)`) can run after the participant's next key press when the device is
 * busy: that Tab would start from the old page, and focus would then jump back to the top. With
 * the change written to the page first, nobody sees the new step before focus is on it.
 */
export function showThenFocus(change: () => void, focus: () => void): void {
  flushSync(change);
  focus();
}

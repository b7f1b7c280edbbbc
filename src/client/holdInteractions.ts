/**
 * Holds what a person does in an island while React is taking it over, and gives it to the
 * island once it has its state. Between the start of hydration and the replay of what was typed
 * before it (src/client/keepTypedState.ts), React's state still holds the server's values: a
 * click it handled then would be judged on those (a "Start" refused for boxes that are ticked on
 * screen), and React would put a control it had not seen change back to its old value (a tick
 * undone). So, in that window, React sees none of the person's events: typing and ticking still
 * happen on the page (and are replayed with the rest), and a press of a button or link, or a
 * form sent with Enter, is held and done again when the island is ready. Used by
 * src/client/hydrateOnInteraction.ts.
 */

/** The events React acts on for these forms; hidden from it while hydration is under way. */
const HIDDEN = ['click', 'input', 'change', 'submit', 'keydown', 'keyup'] as const;

/** What does something when pressed (a tick box or radio button only changes its own state). */
const ACTS =
  'button, a[href], [role="button"], input[type="submit"], input[type="button"], input[type="image"], input[type="reset"]';

/** A press held back, or a form sent without a button (Enter in a form with no submit button). */
export type HeldAction = { press: HTMLElement } | { submit: HTMLFormElement };

/**
 * Starts holding. Call it before React attaches its listeners to `root` (so this listener runs
 * first), and `release` once the island is hydrated and its state replayed.
 */
export function holdInteractions(root: HTMLElement) {
  const held: HeldAction[] = [];
  const hold = (event: Event) => {
    event.stopImmediatePropagation();
    const target = event.target instanceof Element ? event.target : null;
    if (event.type === 'submit' && target instanceof HTMLFormElement) {
      event.preventDefault();
      held.push({ submit: target });
      return;
    }
    if (event.type !== 'click') return;
    const press = target?.closest<HTMLElement>(ACTS);
    if (!press || !root.contains(press)) return;
    event.preventDefault();
    // A double click is one press.
    const last = held.at(-1);
    if (!(last && 'press' in last && last.press === press)) held.push({ press });
  };
  for (const type of HIDDEN) root.addEventListener(type, hold, true);
  return {
    /** The elements the held actions need hydrated before they are done again. */
    elements: () => held.map((action) => ('press' in action ? action.press : action.submit)),
    /** Stops holding; returns what was held, in order. */
    release(): HeldAction[] {
      for (const type of HIDDEN) root.removeEventListener(type, hold, true);
      return held.splice(0);
    },
  };
}

/** Does the held actions again, in order, skipping any whose element the island has replaced. */
export function performHeld(actions: HeldAction[]) {
  for (const action of actions) {
    if ('press' in action) {
      if (action.press.isConnected) action.press.click();
    } else if (action.submit.isConnected) action.submit.requestSubmit();
  }
}

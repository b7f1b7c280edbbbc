/**
 * Astro client directive `client:interact` (registered in astro.config.mjs). Every participant
 * form is server-rendered and works before any JavaScript runs, so its island's code is fetched
 * and hydrated only when the person starts using the form (focus, pointer or key inside it) or
 * when the browser is idle after the page has loaded: nothing competes with the first paint.
 *
 * A person may type, tick or have the browser fill in fields while the code is on its way.
 * Hydration keeps what the page shows, but the island's state starts from the server's values
 * and its next render would put those back, so what was entered is given to the island again
 * as ordinary input events once it is hydrated (src/client/keepTypedState.ts); and a press made
 * while React is taking over is held until then (src/client/holdInteractions.ts), so it is judged
 * on what the page shows.
 */
import type { ClientDirective } from 'astro';
import { holdInteractions, performHeld } from './holdInteractions.ts';
import { keepTypedState } from './keepTypedState.ts';

/** What a person can tick, type in or press. */
const CONTROLS = 'input, textarea, select, button, a[href]';

/** Events that mean the person has started on the form. */
const STARTS = ['focusin', 'pointerdown', 'keydown'] as const;

const hydrateOnInteraction: ClientDirective = (load, _options, island) => {
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    for (const type of STARTS) island.removeEventListener(type, start, true);
    const kept = keepTypedState(island);
    let held: ReturnType<typeof holdInteractions> | undefined;
    try {
      const hydrate = await load();
      // Until here a press works as it does without JavaScript (a form post); from here until
      // the island has its state, presses wait for it (src/client/holdInteractions.ts).
      held = holdInteractions(island);
      await hydrate();
      // React hydrates in a transition: hydrate() returns before React has reached the form.
      // A tick or press React received before it had hydrated that control would be put back
      // to (or judged on) the server's values, so the hold lasts until every control is React's.
      const hold = held;
      await kept.hydrated(() => [...hold.elements(), ...island.querySelectorAll(CONTROLS)]);
    } finally {
      // One task, so nothing the person does comes between: React sees the entries, then the
      // presses, in the order they were made. If the code could not be loaded, the presses are
      // done without it (the server's form).
      const actions = held?.release() ?? [];
      kept.replay();
      kept.stop();
      performHeld(actions);
    }
  };
  for (const type of STARTS) island.addEventListener(type, start, { capture: true, passive: true });
  whenIdleAfterLoad(start);
};

function whenIdleAfterLoad(run: () => void) {
  // Safari before 18 has no requestIdleCallback: a moment after load stands in for idle.
  const idle = () =>
    typeof window.requestIdleCallback === 'function'
      ? window.requestIdleCallback(run)
      : setTimeout(run, 200);
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

export default hydrateOnInteraction;

/**
 * Astro client directive `client:interact` (registered in astro.config.mjs). Every participant
 * form is server-rendered and works before any JavaScript runs, so its island's code is fetched
 * and hydrated only when the person starts using the form (focus, pointer or key inside it) or
 * when the browser is idle after the page has loaded: nothing competes with the first paint.
 *
 * A person may type, tick or have the browser fill in fields while the code is on its way.
 * Hydration keeps what the page shows, but the island's state starts from the server's values
 * and its next render would put those back, so what was entered is given to the island again
 * as ordinary input events once it is hydrated (src/client/keepTypedState.ts).
 */
import type { ClientDirective } from 'astro';
import { keepTypedState } from './keepTypedState.ts';

/** Events that mean the person has started on the form. */
const STARTS = ['focusin', 'pointerdown', 'keydown'] as const;

const hydrateOnInteraction: ClientDirective = (load, _options, island) => {
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    for (const type of STARTS) island.removeEventListener(type, start, true);
    const kept = keepTypedState(island);
    try {
      const hydrate = await load();
      await hydrate();
      await kept.replayWhenHydrated();
    } finally {
      kept.stop();
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

import { clearAllDrafts } from './surveyDraft.ts';

/** Three Shift presses within this time count as "exit now" (GOV.UK uses 5 seconds). */
const SHIFT_WINDOW_MS = 5000;

/**
 * Wires every `[data-sg-exit]` link: a click, or Shift pressed on its own three times, hides the
 * page at once, deletes the answers this site kept on the device, and replaces the page with the
 * link's neutral site.
 */
export function setUpExitThisPage(doc: Document) {
  const links = [...doc.querySelectorAll<HTMLAnchorElement>('a[data-sg-exit]')];
  if (links.length === 0) return;
  const exitUrl = links[0].href;
  const status = doc.querySelector<HTMLElement>('[data-sg-exit-status]');

  const exit = () => {
    // Cover the page first, so nothing sensitive stays on screen while the next site loads.
    const overlay = doc.createElement('div');
    overlay.className = 'sg-exit-overlay';
    doc.body.append(overlay);
    doc.title = 'Exiting';
    // The next person on this device must not find "We kept the answers you started". A
    // submission already sent but waiting for a connection stays queued (README: Exit this page).
    clearAllDrafts();
    window.location.replace(exitUrl);
  };

  for (const link of links) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      exit();
    });
  }

  const counter = shiftCounter({
    onExit: exit,
    announce: (text) => {
      if (status) status.textContent = text;
    },
    windowMs: SHIFT_WINDOW_MS,
  });
  doc.addEventListener('keydown', counter.keydown);
  doc.addEventListener('keyup', counter.keyup);
}

/**
 * Counts Shift as GOV.UK Frontend does: only a Shift pressed and released with no other key in
 * between (so Shift+Tab and capital letters never count), and nothing is announced until the
 * second press, so typing never makes a screen reader talk.
 */
export function shiftCounter({
  onExit,
  announce,
  windowMs,
}: {
  onExit: () => void;
  announce: (text: string) => void;
  windowMs: number;
}) {
  let presses = 0;
  let shiftAlone = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reset = () => {
    if (presses >= 2) announce('Exit this page expired.');
    presses = 0;
  };
  return {
    keydown(event: Pick<KeyboardEvent, 'key'>) {
      // Another key while Shift is down (Shift+Tab, a capital): that Shift does not count.
      shiftAlone = event.key === 'Shift';
      if (event.key !== 'Shift' && presses > 0) {
        clearTimeout(timer);
        reset();
      }
    },
    keyup(event: Pick<KeyboardEvent, 'key'>) {
      if (event.key !== 'Shift' || !shiftAlone) return;
      shiftAlone = false;
      presses += 1;
      clearTimeout(timer);
      if (presses >= 3) {
        presses = 0;
        onExit();
        return;
      }
      timer = setTimeout(reset, windowMs);
      if (presses === 2) announce('Shift, press 1 more time to exit.');
    },
  };
}

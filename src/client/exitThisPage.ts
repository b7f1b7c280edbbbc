/** Three Shift presses within this time count as "exit now" (GOV.UK uses 5 seconds). */
const SHIFT_WINDOW_MS = 5000;

/**
 * Wires every `[data-sg-exit]` link: a click, or Shift pressed three times anywhere on the page,
 * hides the page at once and replaces it with the link's neutral site.
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
    window.location.replace(exitUrl);
  };

  for (const link of links) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      exit();
    });
  }

  let presses = 0;
  let timer: number | undefined;
  doc.addEventListener('keyup', (event) => {
    if (event.key !== 'Shift') {
      presses = 0;
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      presses = 0;
      if (status) status.textContent = 'Exit this page expired.';
    }, SHIFT_WINDOW_MS);
    if (presses >= 3) {
      exit();
    } else if (status) {
      const left = 3 - presses;
      status.textContent = `Shift, press ${left} more ${left === 1 ? 'time' : 'times'} to exit.`;
    }
  });
}

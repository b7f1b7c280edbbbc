/**
 * The browser's own "Leave page?" question while a page's coding form (form#coding) has changes
 * not yet saved: next, previous, any link or closing the tab (issue 15, item 4).
 */
export function warnBeforeLosingTicks(doc: Document) {
  const coding = doc.querySelector<HTMLFormElement>('form#coding');
  if (!coding) return;
  let unsaved = false;
  coding.addEventListener('change', () => {
    unsaved = true;
  });
  coding.addEventListener('submit', () => {
    unsaved = false;
  });
  window.addEventListener('beforeunload', (event) => {
    if (unsaved) event.preventDefault();
  });
}

/**
 * With JavaScript, selecting words in a written answer (by mouse, touch, or the keyboard's
 * Shift and arrow keys with caret browsing) fills the "Code a passage" form: the answer, the
 * words and where they start, so a passage that occurs twice is coded where it was selected.
 * Without it the form is filled by hand (src/components/research/PassageCoding.astro).
 * It also warns before leaving the page (next, previous, any link) with ticks not yet saved.
 */
export function setUpPassageSelection(doc: Document) {
  const found = doc.querySelector<HTMLElement>('[data-passage-form]');
  if (!found) return;
  const form: HTMLElement = found;
  const quote = form.querySelector<HTMLTextAreaElement>('[data-passage-quote]')!;
  const start = form.querySelector<HTMLInputElement>('[data-passage-start]')!;
  const status = form.querySelector<HTMLElement>('[data-passage-status]')!;

  function fill() {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const answer = (
      range.commonAncestorContainer instanceof Element
        ? range.commonAncestorContainer
        : range.commonAncestorContainer.parentElement
    )?.closest<HTMLElement>('[data-answer-key]');
    if (!answer) return;
    const before = doc.createRange();
    before.selectNodeContents(answer);
    before.setEnd(range.startContainer, range.startOffset);
    const words = range.toString();
    if (words.trim() === '') return;
    const key = answer.dataset.answerKey!;
    const radio = [...form.querySelectorAll<HTMLInputElement>('input[name="passage-answer"]')].find(
      (r) => r.value === key,
    );
    if (radio) radio.checked = true;
    // Spaces at the edges of a selection are dropped, as the server drops them.
    const lead = words.length - words.trimStart().length;
    quote.value = words.trim();
    start.value = String(before.toString().length + lead);
    status.textContent = `Passage filled in below: “${quote.value}”. Choose its codes and press “Code this passage”.`;
  }
  doc.addEventListener('mouseup', fill);
  doc.addEventListener('keyup', (event) => {
    if (event.shiftKey || event.key === 'Shift') fill();
  });
  doc.addEventListener('touchend', fill);
  // A hand edit means the words may no longer start where the selection did.
  quote.addEventListener('input', () => {
    start.value = '';
  });

  warnBeforeLosingTicks(doc);
}

/** The browser's own "Leave page?" question while the coding form has unsaved changes. */
function warnBeforeLosingTicks(doc: Document) {
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

/**
 * GOV.UK error summary behaviour. Focus moves to the summary when the page loads, so a screen
 * reader announces the problem at once (the markup's `autofocus` does this without JavaScript;
 * focusing again here covers browsers that ignore autofocus on a div). A link in it focuses its field and scrolls the field's
 * label into view: jumping straight to the input would hide the question above it, and then
 * "only the field type is announced" (govuk-frontend error-summary.mjs, NVDA 2018.3.2).
 */
export function setUpErrorSummary(doc: Document) {
  const summary = doc.querySelector<HTMLElement>('[data-sg-error-summary]');
  if (!summary) return;
  summary.focus();
  summary.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest('a[href^="#"]');
    const field = link && doc.getElementById(link.getAttribute('href')!.slice(1));
    if (!field) return;
    event.preventDefault();
    const label = doc.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    (label ?? field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
}

/**
 * The form on /preferences/. Storage and applying the display live in
 * src/client/displayPreferences.js, which every page runs first; this only reads and writes it.
 */
export function setUpPreferencesForm(doc: Document) {
  const form = doc.querySelector<HTMLFormElement>('form[data-sg-preferences]');
  const saved = doc.querySelector<HTMLElement>('[data-sg-saved]');
  const store = window.sgPreferences;
  if (!form || !store) return;

  const current = store.read();
  for (const [name, value] of Object.entries(current)) {
    const input = form.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
    if (input) input.checked = true;
  }
  form.hidden = false;
  doc.querySelector<HTMLElement>('[data-sg-no-script-note]')?.setAttribute('hidden', '');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    store.save({
      text: String(data.get('text')),
      contrast: String(data.get('contrast')),
      spacing: String(data.get('spacing')),
    });
    if (saved) {
      saved.hidden = false;
      saved.tabIndex = -1;
      saved.focus();
    }
  });
}

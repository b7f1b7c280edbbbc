/**
 * What a person entered in a server-rendered form before its island was hydrated (typed, ticked,
 * or filled in by the browser), given back to the island afterwards. React keeps the page's
 * values while it hydrates but its state holds the server's, and the island's next render would
 * put those back; so each entry is replayed as the input event React listens for, and the form's
 * state takes it as if it had just been typed. Used by src/client/hydrateOnInteraction.ts.
 */

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
/** A text value, or whether a checkbox or radio is ticked. */
type Entered = string | boolean;

const isTickable = (control: Control): control is HTMLInputElement =>
  control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');

/** What the control holds now. */
const current = (control: Control): Entered =>
  isTickable(control) ? control.checked : control.value;

/**
 * What the page or the island says the control should hold: the HTML's value before hydration,
 * the island's state after it (React writes its value to the default when it hydrates a control).
 */
function expected(control: Control): Entered {
  if (isTickable(control)) return control.defaultChecked;
  if (control instanceof HTMLSelectElement)
    return [...control.options].find((option) => option.defaultSelected)?.value ?? '';
  return control.defaultValue;
}

const controlsIn = (root: HTMLElement) =>
  [...root.querySelectorAll<Control>('input, textarea, select')].filter(
    (control) => !(control instanceof HTMLInputElement && control.type === 'hidden'),
  );

/** React marks each element it has hydrated with a property of its own. */
const isHydrated = (element: Element) =>
  Object.keys(element).some((key) => key.startsWith('__reactProps$'));

/**
 * Starts keeping what is entered in `root` (and what was already entered: a browser's autofill
 * or restored form). Once hydration has been started, await `hydrated`, then `replay` and `stop`.
 */
export function keepTypedState(root: HTMLElement) {
  const entered = new Map<Control, Entered>();
  const note = (control: Control) => {
    if (current(control) !== expected(control)) entered.set(control, current(control));
    else entered.delete(control);
  };
  for (const control of controlsIn(root)) note(control);
  const onInput = (event: Event) => {
    const target = event.target;
    if (
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement
    ) {
      // A radio ticked unticks its group's others without events; note those as well.
      if (target instanceof HTMLInputElement && target.type === 'radio' && target.form)
        for (const other of controlsIn(target.form)) if (isTickable(other)) note(other);
      note(target);
    }
  };
  root.addEventListener('input', onInput, true);
  root.addEventListener('change', onInput, true);

  return {
    /**
     * Waits (up to `timeoutMs`) until React has hydrated every control with an entry, and the
     * other elements named (the targets of held presses, src/client/holdInteractions.ts).
     */
    async hydrated(elements: () => Element[] = () => [], timeoutMs = 10_000) {
      const waiting = () =>
        [...entered.keys(), ...elements()].filter((c) => c.isConnected && !isHydrated(c));
      const until = Date.now() + timeoutMs;
      while (waiting().length > 0 && Date.now() < until)
        await new Promise((resolve) => window.setTimeout(resolve, 50));
    },
    /** Gives each entry to the island (synchronously: nothing the person does comes between). */
    replay() {
      for (const [control, value] of entered) {
        if (!control.isConnected || !isHydrated(control) || expected(control) === value) continue;
        replay(control, value);
      }
    },
    stop() {
      root.removeEventListener('input', onInput, true);
      root.removeEventListener('change', onInput, true);
    },
  };
}

/**
 * React notices a change by comparing the control with the last value it saw, which it records
 * through the element's own `value`/`checked` setter; so that record is set to something else
 * first, the entry written past it with the prototype's setter, and the event React listens for
 * sent (`click` for checkboxes and radios, `input` for text, `change` for lists).
 */
function replay(control: Control, value: Entered) {
  const property = typeof value === 'boolean' ? 'checked' : 'value';
  const write = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), property)?.set;
  if (!write) return;
  if (typeof value === 'boolean') {
    // Only the ticked radio of a group speaks for it.
    if (control instanceof HTMLInputElement && control.type === 'radio' && !value) return;
    (control as HTMLInputElement).checked = !value;
    write.call(control, value);
    // A plain Event, not a MouseEvent: it does not toggle the box again.
    control.dispatchEvent(new Event('click', { bubbles: true }));
    return;
  }
  control.value = value === '' ? ' ' : '';
  write.call(control, value);
  const type = control instanceof HTMLSelectElement ? 'change' : 'input';
  control.dispatchEvent(new Event(type, { bubbles: true }));
}

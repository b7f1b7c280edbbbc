/**
 * The answers a participant is working on, kept on this device only (never sent until they
 * choose to send them), so a closed tab or a lost connection loses nothing.
 */
export interface Draft<T> {
  state: T;
  savedAt: string;
}

/** Every draft's key starts with this, so all of them can be found and deleted. */
const PREFIX = 'sg-draft:';
const key = (slug: string) => `${PREFIX}${slug}`;

export function loadDraft<T>(slug: string): Draft<T> | undefined {
  try {
    const text = localStorage.getItem(key(slug));
    return text ? (JSON.parse(text) as Draft<T>) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft<T>(slug: string, state: T) {
  try {
    localStorage.setItem(key(slug), JSON.stringify({ state, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or turned off: the survey still works, it just cannot resume.
  }
}

export function clearDraft(slug: string) {
  try {
    localStorage.removeItem(key(slug));
  } catch {
    // Nothing to clear.
  }
}

/** Every draft this site kept on the device (surveys and journey maps): "Exit this page". */
export function clearAllDrafts() {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
    for (const stored of keys) if (stored?.startsWith(PREFIX)) localStorage.removeItem(stored);
  } catch {
    // Storage turned off: nothing was kept.
  }
}

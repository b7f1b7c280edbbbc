/**
 * When Save is refused (our checks in admin/editorChecks.ts, or a failed write), Decap shows the
 * reason in its notice and then rejects a promise nobody waits for, with its own "save failed"
 * action as the reason. The browser reports that as an uncaught error although the researcher
 * has already been told; on the console it hides real faults. Only those actions are quietened.
 */
const REFUSED_SAVE = new Set(['UNPUBLISHED_ENTRY_PERSIST_FAILURE', 'ENTRY_PERSIST_FAILURE']);

export function isRefusedSave(reason: unknown): boolean {
  return (
    typeof reason === 'object' &&
    reason !== null &&
    REFUSED_SAVE.has(String((reason as { type?: unknown }).type))
  );
}

export function quietRefusedSaves(target: Pick<Window, 'addEventListener'>) {
  target.addEventListener('unhandledrejection', (event) => {
    if (isRefusedSave(event.reason)) event.preventDefault();
  });
}

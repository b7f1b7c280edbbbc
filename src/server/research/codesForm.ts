import type { DatabaseSync } from 'node:sqlite';
import {
  CODE_DESCRIPTION_MAX,
  CODE_NAME_MAX,
  CodeNameTakenError,
  CodeParentError,
  createCode,
  deleteCode,
  getCode,
  mergeCodes,
  renameCode,
} from './coding.ts';
import { audit, parseId, readForm, researchDb, seeOther, type Researcher } from './routeHelpers.ts';

export interface CodesFormEntered {
  name: string;
  description: string;
  parent: string;
}

export type CodesFormResult =
  /** mergedInto: the kept code, named in the page's success message. */
  | { kind: 'done'; mergedInto?: number }
  | { kind: 'unknown-action' }
  /** A code in use is deleted only once the researcher has confirmed, on the page that asks. */
  | { kind: 'confirm'; id: number }
  | { kind: 'error'; error: { field: string; message: string }; entered: CodesFormEntered };

/**
 * Creates, edits (name, description, parent), merges or deletes a code of the project's
 * codebook, audited; or says what to fix. A merge moves every application of the merged code to
 * the kept one (src/server/research/coding.ts).
 */
export function codesFormPost(
  db: DatabaseSync,
  researcher: Researcher,
  form: URLSearchParams,
): CodesFormResult {
  const action = form.get('action');
  const name = (form.get('name') ?? '').trim();
  const description = (form.get('description') ?? '').trim();
  const parentField = form.get('parent') ?? '';
  const parent = parentField === '' ? null : (parseId(parentField) ?? -1);
  const id = parseId(form.get('id'));
  const suffix = action === 'rename' ? `-${id}` : '';
  const entered = { name, description, parent: parentField };
  const fail = (field: string, message: string): CodesFormResult => ({
    kind: 'error',
    error: { field: `${field}${suffix}`, message },
    entered,
  });
  if (action === 'delete' && id !== undefined) {
    const uses = getCode(db, id)?.uses ?? 0;
    if (uses > 0 && form.get('confirm') !== 'yes') return { kind: 'confirm', id };
    if (deleteCode(db, id)) audit(researcher, 'code-deleted', `code ${id}`);
    return { kind: 'done' };
  }
  if (action === 'merge' && id !== undefined) {
    const into = parseId(form.get('into'));
    const merged = getCode(db, id);
    const kept = into === undefined ? undefined : getCode(db, into);
    if (!merged) return { kind: 'done' };
    if (!kept || kept.id === merged.id) {
      return {
        kind: 'error',
        error: { field: `into-${id}`, message: 'Choose the code to merge it into' },
        entered,
      };
    }
    const moved = mergeCodes(db, kept.id, merged.id) ?? 0;
    audit(researcher, 'codes-merged', `code ${merged.id} into code ${kept.id}: ${moved} moved`);
    return { kind: 'done', mergedInto: kept.id };
  }
  if (action !== 'create' && !(action === 'rename' && id !== undefined)) {
    return { kind: 'unknown-action' };
  }
  if (name === '') return fail('name', 'Enter a name for the code');
  if (name.length > CODE_NAME_MAX) {
    return fail('name', `The name must be ${CODE_NAME_MAX} characters or fewer`);
  }
  if (description.length > CODE_DESCRIPTION_MAX) {
    return fail(
      'description',
      `The description must be ${CODE_DESCRIPTION_MAX} characters or fewer`,
    );
  }
  try {
    if (action === 'create') {
      const created = createCode(db, name, description, parent);
      audit(researcher, 'code-created', `code ${created}`);
    } else if (renameCode(db, id!, name, description, parent)) {
      audit(researcher, 'code-renamed', `code ${id}`);
    }
    return { kind: 'done' };
  } catch (caught) {
    if (caught instanceof CodeParentError) {
      return fail(
        'parent',
        'Choose a top-level code as the parent, or none (a code with its own child codes cannot have a parent)',
      );
    }
    if (!(caught instanceof CodeNameTakenError)) throw caught;
    return fail('name', 'There is already a code with that name');
  }
}

export interface CodesPageState {
  error?: { field: string; message: string };
  entered: CodesFormEntered;
}

/**
 * The codes page's request, the same for every activity's codes page: a GET shows the page; a
 * POST changes the codebook and goes back to the page (303, with what happened), or shows it
 * again with what to fix (400).
 */
export async function codesPageRequest(
  request: Request,
  origin: string,
  researcher: Researcher,
  pageHref: string,
): Promise<Response | (CodesPageState & { status: number })> {
  const blank = { name: '', description: '', parent: '' };
  if (request.method !== 'POST') return { status: 200, entered: blank };
  const form = await readForm(request, origin);
  if (form instanceof Response) return form;
  const result = codesFormPost(researchDb(), researcher, form);
  if (result.kind === 'done') {
    // Only the kept code's id travels: the page words the message from the codebook, so an
    // address cannot put words of its own on the page.
    return seeOther(result.mergedInto ? `${pageHref}?merged=${result.mergedInto}` : pageHref);
  }
  if (result.kind === 'confirm') return seeOther(`${pageHref}?delete=${result.id}#confirm-delete`);
  if (result.kind === 'unknown-action') return new Response('Unknown action', { status: 400 });
  return { status: 400, error: result.error, entered: result.entered };
}

import type { DatabaseSync } from 'node:sqlite';
import type { ActivityKind } from '../store.ts';
import {
  CODE_DESCRIPTION_MAX,
  CODE_NAME_MAX,
  CodeNameTakenError,
  createCode,
  deleteCode,
  listCodes,
  renameCode,
} from './coding.ts';
import { audit, parseId, readForm, researchDb, seeOther, type Researcher } from './routeHelpers.ts';

export type CodesFormResult =
  | { kind: 'done' }
  | { kind: 'unknown-action' }
  /** A code in use is deleted only once the researcher has confirmed, on the page that asks. */
  | { kind: 'confirm'; id: number }
  | {
      kind: 'error';
      error: { field: string; message: string };
      entered: { name: string; description: string };
    };

/** Creates, renames or deletes a thematic code of one activity, audited; or says what to fix. */
export function codesFormPost(
  db: DatabaseSync,
  researcher: Researcher,
  activity: ActivityKind,
  slug: string,
  form: URLSearchParams,
): CodesFormResult {
  const action = form.get('action');
  const name = (form.get('name') ?? '').trim();
  const description = (form.get('description') ?? '').trim();
  const id = parseId(form.get('id'));
  const field = action === 'rename' ? `name-${id}` : 'name';
  const what = `${activity} ${slug}`;
  if (action === 'delete' && id !== undefined) {
    const uses = listCodes(db, activity, slug).find((c) => c.id === id)?.uses ?? 0;
    if (uses > 0 && form.get('confirm') !== 'yes') return { kind: 'confirm', id };
    if (deleteCode(db, activity, slug, id))
      audit(researcher, 'code-deleted', `${what}, code ${id}`);
    return { kind: 'done' };
  }
  if (action !== 'create' && !(action === 'rename' && id !== undefined)) {
    return { kind: 'unknown-action' };
  }
  const fail = (f: string, message: string): CodesFormResult => ({
    kind: 'error',
    error: { field: f, message },
    entered: { name, description },
  });
  if (name === '') return fail(field, 'Enter a name for the code');
  if (name.length > CODE_NAME_MAX) {
    return fail(field, `The name must be ${CODE_NAME_MAX} characters or fewer`);
  }
  if (description.length > CODE_DESCRIPTION_MAX) {
    return fail(
      field.replace('name', 'description'),
      `The description must be ${CODE_DESCRIPTION_MAX} characters or fewer`,
    );
  }
  try {
    if (action === 'create') {
      const created = createCode(db, activity, slug, name, description);
      audit(researcher, 'code-created', `${what}, code ${created}`);
    } else if (renameCode(db, activity, slug, id!, name, description)) {
      audit(researcher, 'code-renamed', `${what}, code ${id}`);
    }
    return { kind: 'done' };
  } catch (caught) {
    if (!(caught instanceof CodeNameTakenError)) throw caught;
    return fail(field, 'There is already a code with that name');
  }
}

export interface CodesPageState {
  error?: { field: string; message: string };
  entered: { name: string; description: string };
}

/**
 * The codes page's request, the same for surveys and journeys: a GET shows the page; a POST
 * changes a code and goes back to the page (303), or shows it again with what to fix (400).
 */
export async function codesPageRequest(
  request: Request,
  origin: string,
  researcher: Researcher,
  activity: ActivityKind,
  slug: string,
  pageHref: string,
): Promise<Response | (CodesPageState & { status: number })> {
  if (request.method !== 'POST') return { status: 200, entered: { name: '', description: '' } };
  const form = await readForm(request, origin);
  if (form instanceof Response) return form;
  const result = codesFormPost(researchDb(), researcher, activity, slug, form);
  if (result.kind === 'done') return seeOther(pageHref);
  if (result.kind === 'confirm') return seeOther(`${pageHref}?delete=${result.id}#confirm-delete`);
  if (result.kind === 'unknown-action') return new Response('Unknown action', { status: 400 });
  return { status: 400, error: result.error, entered: result.entered };
}

import type { DatabaseSync } from 'node:sqlite';
import type { ActivityKind } from '../store.ts';
import {
  CODE_DESCRIPTION_MAX,
  CODE_NAME_MAX,
  CodeNameTakenError,
  createCode,
  deleteCode,
  renameCode,
} from './coding.ts';
import { audit, parseId, type Researcher } from './routeHelpers.ts';

export type CodesFormResult =
  | { kind: 'done' }
  | { kind: 'unknown-action' }
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

import type { CmsCollection, CmsField } from 'decap-cms-core';
import { imagesWithoutAlt } from '../src/schemas/markdownImages.ts';
import { CONTENT_SCHEMAS } from '../src/schemas/index.ts';

/**
 * The build's own checks, run in the editor before an entry is saved or published: the same Zod
 * schemas (with their cross-checks) and the same Markdown image rule, with each problem said in
 * the researcher's words, by the field's label and a 1-based number ("Question 7, Show only
 * when: …"), never as a path like questions.6.showIf.
 */
interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  input?: unknown;
}

export function entryProblems(collection: CmsCollection, data: Record<string, unknown>): string[] {
  const schema = CONTENT_SCHEMAS[collection.name as keyof typeof CONTENT_SCHEMAS];
  if (!schema) return [];
  const fields = collection.fields ?? collection.files?.[0]?.fields ?? [];
  const { body, ...frontMatter } = data;
  const result = schema.safeParse(frontMatter);
  const problems = result.success
    ? []
    : (result.error.issues as Issue[]).map(
        (issue) => `${where(fields, issue.path, frontMatter)}: ${plainWords(issue)}`,
      );
  if (typeof body === 'string') {
    const label = fields.find((f) => f.name === 'body')?.label ?? 'Body';
    problems.push(...imagesWithoutAlt(body).map((problem) => `${label}: ${problem}`));
  }
  return problems;
}

/** "Question 7, Show only when" from ['questions', 6, 'showIf', 'question']. */
export function where(fields: CmsField[], path: PropertyKey[], data: unknown): string {
  const words: string[] = [];
  let current: CmsField[] | undefined = fields;
  let value: unknown = data;
  let list: CmsField | undefined;
  for (const key of path) {
    if (typeof key === 'number' && list) {
      const singular = String((list as { label_singular?: string }).label_singular ?? 'item');
      words[words.length - 1] = `${capitalise(singular)} ${key + 1}`;
      value = Array.isArray(value) ? value[key] : undefined;
      current = itemFields(list, value);
      list = undefined;
      continue;
    }
    const field = current?.find((f) => f.name === key);
    if (!field) break;
    words.push(field.label ?? String(key));
    value = (value as Record<string, unknown> | undefined)?.[String(key)];
    if (field.widget === 'list') list = field;
    else current = 'fields' in field ? (field.fields as CmsField[]) : undefined;
    if (!current && !list) break;
  }
  return words.join(', ') || 'This entry';
}

/** A list item's fields: the list's own, or those of the item's type (questions). */
function itemFields(list: CmsField, item: unknown): CmsField[] | undefined {
  const typed = list as { types?: CmsField[]; typeKey?: string; fields?: CmsField[] };
  if (typed.types) {
    const type = (item as Record<string, unknown> | undefined)?.[typed.typeKey ?? 'type'];
    return (typed.types.find((t) => t.name === type) as { fields?: CmsField[] })?.fields;
  }
  return typed.fields;
}

/** Zod's own messages ("Invalid input: expected string, received undefined") in plain words. */
function plainWords(issue: Issue): string {
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) {
    return 'fill this in';
  }
  if (issue.code === 'invalid_value') return 'choose one of the options';
  // An answer not chosen yet ("Show only when", When the answer is), or any text left empty.
  if (/^Too small: expected string to have >=1 characters?$/.test(issue.message)) {
    return 'fill this in';
  }
  if (issue.code === 'invalid_union') return 'choose what kind of question this is';
  const tooSmall = /^Too small: expected number to be >=?(\S+)$/.exec(issue.message);
  if (tooSmall) return `must be at least ${tooSmall[1]}`;
  const tooBig = /^Too big: expected number to be <=?(\S+)$/.exec(issue.message);
  if (tooBig) return `must be at most ${tooBig[1]}`;
  if (issue.code === 'invalid_type') return 'is not the right kind of value';
  return issue.message;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Thrown from the editor's save and publish hooks; Decap shows its message as it is. */
export class EntryRefused extends Error {
  constructor(problems: string[]) {
    super(
      `Not saved: the site would refuse this entry. ${problems.map((p, i) => `(${i + 1}) ${p}`).join(' ')}`,
    );
    this.name = 'EntryRefused';
  }
  override toString() {
    return this.message;
  }
}

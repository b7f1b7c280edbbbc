/**
 * A flag stores where its phrases were found as answer paths ("what-would-help",
 * "stages.2.happened", "comment"): these turn them into what the researcher read there.
 */

const KIND_NAMES: Record<string, string> = {
  survey: 'Survey',
  journey: 'Journey mapping',
  prototype: 'Prototype feedback',
};

/** "Survey: What would help you…", or the short name if the activity has gone. */
export function activityName(kind: string, title: string | undefined, slug: string): string {
  return `${KIND_NAMES[kind] ?? kind}: ${title ?? slug}`;
}

const STAGE_FIELDS: Record<string, string> = {
  name: 'name',
  happened: 'what happened',
  helped: 'what helped',
  wouldHaveHelped: 'what would have helped',
};

/**
 * The label of the answer at `path`: a survey question's label, a journey stage's field
 * ("Stage 3: what happened"), or feedback's comment, reasons (labels then names features) and
 * name to show. Unknown paths stay as they are,
 * so nothing a flag recorded is ever hidden.
 */
export function answerLabel(path: string, questionLabels: ReadonlyMap<string, string>): string {
  const [first, ...rest] = path.split('.');
  const stage = /^stages\.(\d+)\.(\w+)$/.exec(path);
  if (stage && STAGE_FIELDS[stage[2]]) {
    return `Stage ${Number(stage[1]) + 1}: ${STAGE_FIELDS[stage[2]]}`;
  }
  if (first === 'why' && rest.length === 1) {
    return `Why, about “${questionLabels.get(rest[0]) ?? rest[0]}”`;
  }
  if (path === 'displayName') return 'Name to show';
  const label = questionLabels.get(first);
  if (label) return rest.length === 0 ? label : `${label} (${rest.join(' ')})`;
  if (path === 'comment') return 'Comment';
  return path;
}

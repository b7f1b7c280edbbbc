import type { DatabaseSync } from 'node:sqlite';
import type { Prototype } from '../../schemas/index.ts';
import { featureKey } from '../../schemas/featureKey.ts';
import { FEEDBACK_CODING } from './codedTables.ts';
import { excerptsJsonMember } from './codingExports.ts';
import { BOM, csvLine, streamOf } from './exports.ts';
import { codeNamesOf } from './responseTags.ts';
import {
  featureSummaries,
  iterateFeedback,
  usefulnessByRole,
  type FeedbackItem,
} from './moderation.ts';

/** One column of the feedback spreadsheet. */
interface Column {
  header: string;
  cell(item: FeedbackItem): string;
}

/** Metadata, the person's answers, moderation, then a reaction and a "why" per feature. */
export function feedbackColumns(prototype: Prototype): Column[] {
  const columns: Column[] = [
    { header: 'feedback_id', cell: (f) => String(f.id) },
    { header: 'received_on', cell: (f) => f.receivedOn },
    { header: 'scope_version', cell: (f) => f.scopeVersion },
    { header: 'role', cell: (f) => f.role },
    { header: 'practitioner_kind', cell: (f) => f.practitionerKind ?? '' },
    { header: 'usefulness', cell: (f) => (f.usefulness === null ? '' : String(f.usefulness)) },
    { header: 'comment', cell: (f) => f.comment },
    { header: 'may_quote', cell: (f) => (f.consentQuote ? 'yes' : 'no') },
    { header: 'may_show', cell: (f) => (f.consentShow ? 'yes' : 'no') },
    { header: 'shown_as', cell: (f) => f.displayName ?? '' },
    { header: 'status', cell: (f) => f.status },
    { header: 'published_text', cell: (f) => f.publishedText ?? '' },
    { header: 'replies', cell: (f) => f.replies.map((r) => r.text).join('\n---\n') },
  ];
  for (const feature of prototype.features) {
    const key = featureKey(feature);
    const reaction = (f: FeedbackItem) => f.reactions.find((r) => r.featureId === key);
    columns.push(
      { header: `${feature.name}: reaction`, cell: (f) => reaction(f)?.reaction ?? '' },
      { header: `${feature.name}: why`, cell: (f) => reaction(f)?.why ?? '' },
    );
  }
  return columns;
}

/** The CSV export; its last column, `codes`, names the codes on any of its answers or passages. */
export function feedbackCsvStream(db: DatabaseSync, slug: string, prototype: Prototype) {
  const columns = feedbackColumns(prototype);
  const codesOf = codeNamesOf(db, FEEDBACK_CODING);
  function* pieces() {
    yield BOM + csvLine([...columns.map((c) => c.header), 'codes']);
    for (const item of iterateFeedback(db, slug)) {
      yield csvLine([...columns.map((c) => c.cell(item)), codesOf(item.id).join('; ')]);
    }
  }
  return streamOf(pieces());
}

/**
 * The JSON export: the summaries by feature and role first, then every piece of feedback with its
 * codes, then the coded passages.
 */
export function feedbackJsonStream(
  db: DatabaseSync,
  slug: string,
  prototype: Prototype,
  exportedOn: string,
) {
  const features = prototype.features.map((f) => ({ id: featureKey(f), name: f.name }));
  function* pieces() {
    yield `{"prototype":${JSON.stringify(slug)},"title":${JSON.stringify(prototype.title)},"version":${JSON.stringify(prototype.version)},"exportedOn":${JSON.stringify(exportedOn)},`;
    yield `"features":${JSON.stringify(features)},`;
    yield `"reactionsByFeature":${JSON.stringify(
      featureSummaries(
        db,
        slug,
        features.map((f) => f.id),
      ),
    )},`;
    yield `"usefulnessByRole":${JSON.stringify(usefulnessByRole(db, slug))},"feedback":[`;
    const codesOf = codeNamesOf(db, FEEDBACK_CODING);
    let first = true;
    for (const item of iterateFeedback(db, slug)) {
      const { flagIds, ...rest } = item;
      yield (
        (first ? '\n' : ',\n') +
        JSON.stringify({ ...rest, flagged: flagIds.length > 0, codes: codesOf(item.id) })
      );
      first = false;
    }
    yield '\n]';
    yield* excerptsJsonMember(db, 'prototype', slug);
    yield '}\n';
  }
  return streamOf(pieces());
}

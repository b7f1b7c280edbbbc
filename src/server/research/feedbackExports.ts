import type { APIContext } from 'astro';
import { getEntry } from 'astro:content';
import type { DatabaseSync } from 'node:sqlite';
import type { Prototype } from '../../schemas/index.ts';
import { featureKey } from '../../schemas/featureKey.ts';
import { ukDay } from '../activityDates.ts';
import { BOM, csvLine, downloadHeaders, streamOf } from './exports.ts';
import {
  featureSummaries,
  iterateFeedback,
  usefulnessByRole,
  type FeedbackItem,
} from './moderation.ts';
import { audit, notFound, requireResearcher, researchDb } from './routeHelpers.ts';

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

export function feedbackCsvStream(db: DatabaseSync, slug: string, prototype: Prototype) {
  const columns = feedbackColumns(prototype);
  function* pieces() {
    yield BOM + csvLine(columns.map((c) => c.header));
    for (const item of iterateFeedback(db, slug)) yield csvLine(columns.map((c) => c.cell(item)));
  }
  return streamOf(pieces());
}

/** The JSON export: the summaries by feature and role first, then every piece of feedback. */
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
    let first = true;
    for (const item of iterateFeedback(db, slug)) {
      const { flagIds, ...rest } = item;
      yield (first ? '\n' : ',\n') + JSON.stringify({ ...rest, flagged: flagIds.length > 0 });
      first = false;
    }
    yield '\n]}\n';
  }
  return streamOf(pieces());
}

type Body = (db: DatabaseSync, slug: string, prototype: Prototype, today: string) => BodyInit;

/** A download of one scope's feedback: signed-in researchers only, audited, never cached. */
export function feedbackExportRoute(contentType: string, extension: string, body: Body) {
  return async (context: APIContext): Promise<Response> => {
    const researcher = requireResearcher(context.locals);
    if (researcher instanceof Response) return researcher;
    const slug = context.params.slug ?? '';
    const entry = await getEntry('prototypes', slug);
    if (!entry) return notFound();
    const today = ukDay(new Date());
    audit(researcher, 'export-downloaded', `prototype ${slug}, feedback.${extension}`);
    return new Response(body(researchDb(), slug, entry.data, today), {
      headers: downloadHeaders(contentType, `${slug}-feedback-${today}.${extension}`),
    });
  };
}

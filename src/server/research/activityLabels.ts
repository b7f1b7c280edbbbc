import { getEntry } from 'astro:content';
import { featureKey } from '../../schemas/featureKey.ts';
import { surveyQuestions } from '../../forms/questions.ts';

/**
 * An activity's title and the labels its answers are stored under (survey questions by id,
 * prototype features by key), for pages that only hold a kind and a slug, such as a flag.
 */
export async function activityLabels(
  kind: string,
  slug: string,
): Promise<{ title?: string; labels: Map<string, string> }> {
  if (kind === 'survey') {
    const entry = await getEntry('surveys', slug);
    if (!entry) return { labels: new Map() };
    const labels = surveyQuestions(entry.data).map((q) => [q.id, q.label] as const);
    return { title: entry.data.title, labels: new Map(labels) };
  }
  if (kind === 'journey') {
    const entry = await getEntry('journeys', slug);
    return { title: entry?.data.title, labels: new Map() };
  }
  if (kind === 'prototype') {
    const entry = await getEntry('prototypes', slug);
    const features = entry?.data.features.map((f) => [featureKey(f), f.name] as const) ?? [];
    return { title: entry?.data.title, labels: new Map(features) };
  }
  return { labels: new Map() };
}

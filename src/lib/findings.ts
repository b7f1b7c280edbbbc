import { getCollection } from 'astro:content';

/**
 * Resolves the surveys and journey activities a finding draws on into titled links. A name that
 * matches neither stops the build: a finding must trace back to real research.
 */
export async function activityLinks(findingId: string, ids: string[]) {
  const activities = new Map<string, { title: string; href: string }>();
  for (const survey of await getCollection('surveys')) {
    activities.set(survey.id, { title: survey.data.title, href: `/surveys/${survey.id}/` });
  }
  for (const journey of await getCollection('journeys')) {
    activities.set(journey.id, { title: journey.data.title, href: `/journeys/${journey.id}/` });
  }
  return ids.map((id) => {
    const activity = activities.get(id);
    if (!activity) {
      throw new Error(
        `content/findings/${findingId}.md: activities names "${id}", which is not a survey or journey activity.`,
      );
    }
    return activity;
  });
}

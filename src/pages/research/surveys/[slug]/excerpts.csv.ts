import { surveyQuestions } from '../../../../forms/questions.ts';
import { excerptsCsvStream } from '../../../../server/research/codingExports.ts';
import { exportRoute } from '../../../../server/research/exportRoute.ts';

export const prerender = false;

export const GET = exportRoute('excerpts', 'text/csv; charset=utf-8', 'csv', (db, slug, survey) => {
  const labels = new Map(surveyQuestions(survey).map((q) => [q.id, q.label]));
  return excerptsCsvStream(db, 'survey', slug, (field) => labels.get(field) ?? field);
});

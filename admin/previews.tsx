import type { ComponentType, ReactNode } from 'react';
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import { ActivityIntro } from '../src/components/views/ActivityIntro.tsx';
import SurveyFlow, { startState } from '../src/islands/SurveyFlow.tsx';
import { FindingView } from '../src/components/views/FindingView.tsx';
import { PageView } from '../src/components/views/PageView.tsx';
import { PrototypeView } from '../src/components/views/PrototypeView.tsx';
import {
  CONTENT_SCHEMAS,
  type Finding,
  type Journey,
  type Page,
  type Prototype,
  type Survey,
} from '../src/schemas/index.ts';
import { collections } from './collections.ts';
import { entryProblems } from './entryProblems.ts';

type Metadata = PreviewTemplateComponentProps['fieldsMetaData'];

/**
 * Previews render the site's own view components with the site's styles. While an entry is
 * half-written it does not match its schema yet; the preview then says what is missing, in the
 * same words the editor uses when it refuses to save (admin/entryProblems.ts).
 */
function preview<T>(
  name: keyof typeof CONTENT_SCHEMAS,
  render: (data: T, body: () => ReactNode, metadata: Metadata, slug: string) => ReactNode,
) {
  const collection = collections.find((c) => c.name === name)!;
  const Preview: ComponentType<PreviewTemplateComponentProps> = ({
    entry,
    widgetFor,
    fieldsMetaData,
  }) => {
    // The markdown body is not front matter: the schema never sees it, and neither should this.
    const { body: _body, ...data } = entry.get('data')?.toJS?.() ?? {};
    const result = CONTENT_SCHEMAS[name].safeParse(data);
    return (
      <div className="govuk-template__body govuk-width-container">
        <main className="govuk-main-wrapper">
          {result.success ? (
            render(
              result.data as T,
              () => widgetFor('body'),
              fieldsMetaData,
              String(entry.get('slug') || 'new-survey'),
            )
          ) : (
            <div className="govuk-inset-text">
              <p className="govuk-body">The preview appears when these are filled in correctly:</p>
              <ul className="govuk-list govuk-list--bullet">
                {entryProblems(collection, data)
                  .slice(0, 8)
                  .map((problem, i) => (
                    <li key={i}>{problem}</li>
                  ))}
              </ul>
            </div>
          )}
        </main>
      </div>
    );
  };
  return Preview;
}

/**
 * A linked entry's title, from what the relation field loaded (Decap keeps it as the field's
 * metadata: field name, then collection, then file name); the file name until it has loaded.
 */
function linked(metadata: Metadata, field: string, collection: string, ids: string[]) {
  return ids.map((id) => ({
    title: String(metadata?.getIn([field, collection, id, 'title']) ?? id),
    href: `/${collection}/${id}/`,
  }));
}

export const previewTemplates: Record<string, ComponentType<PreviewTemplateComponentProps>> = {
  findings: preview<Finding>('findings', (finding, body, metadata) => (
    <FindingView
      finding={finding}
      sources={[
        ...linked(metadata, 'surveys', 'surveys', finding.surveys),
        ...linked(metadata, 'journeys', 'journeys', finding.journeys),
      ]}
      shaped={linked(metadata, 'prototypes', 'prototypes', finding.prototypes)}
    >
      {body()}
    </FindingView>
  )),
  prototypes: preview<Prototype>('prototypes', (p, body) => (
    <PrototypeView prototype={p}>{body()}</PrototypeView>
  )),
  pages: preview<Page>('pages', (page, body) => <PageView page={page}>{body()}</PageView>),
  // The participant form itself, each step with its conditions and easy read, as participants
  // will go through it; nothing is kept or sent (SurveyFlow's preview).
  surveys: preview<Survey>('surveys', (survey, _body, _metadata, slug) => (
    <SurveyFlow preview survey={survey} slug={slug} siteName="" initial={startState()} />
  )),
  journeys: preview<Journey>('journeys', (journey) => (
    <ActivityIntro kind="Journey map" activity={journey} />
  )),
};

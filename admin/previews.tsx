import type { ComponentType, ReactNode } from 'react';
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import { ActivityIntro } from '../src/components/views/ActivityIntro.tsx';
import { FindingView } from '../src/components/views/FindingView.tsx';
import { PageView } from '../src/components/views/PageView.tsx';
import { PrototypeView } from '../src/components/views/PrototypeView.tsx';
import {
  findingSchema,
  journeySchema,
  pageSchema,
  prototypeSchema,
  surveySchema,
} from '../src/schemas/index.ts';

type Schema = {
  safeParse(data: unknown): {
    success: boolean;
    data?: unknown;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
};

/**
 * Previews render the site's own view components with the site's styles. While an entry is
 * half-written it does not match its schema yet; the preview then says what is missing instead
 * of showing a broken page.
 */
function preview<T>(schema: Schema, render: (data: T, body: () => ReactNode) => ReactNode) {
  const Preview: ComponentType<PreviewTemplateComponentProps> = ({ entry, widgetFor }) => {
    // The markdown body is not front matter: the schema never sees it, and neither should this.
    const { body: _body, ...data } = entry.get('data')?.toJS?.() ?? {};
    const result = schema.safeParse(data);
    return (
      <div className="govuk-template__body govuk-width-container">
        <main className="govuk-main-wrapper">
          {result.success ? (
            render(result.data as T, () => widgetFor('body'))
          ) : (
            <div className="govuk-inset-text">
              <p className="govuk-body">The preview appears when these are filled in correctly:</p>
              <ul className="govuk-list govuk-list--bullet">
                {result.error!.issues.slice(0, 8).map((issue, i) => (
                  <li key={i}>
                    {issue.path.join(' → ') || 'entry'}:{' '}
                    {issue.message.includes('received undefined') ? 'is required' : issue.message}
                  </li>
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

export const previewTemplates: Record<string, ComponentType<PreviewTemplateComponentProps>> = {
  findings: preview<import('../src/schemas/index.ts').Finding>(findingSchema, (finding, body) => (
    <FindingView
      finding={finding}
      sources={[
        ...finding.surveys.map((id) => ({ title: id, href: `/surveys/${id}/` })),
        ...finding.journeys.map((id) => ({ title: id, href: `/journeys/${id}/` })),
      ]}
    >
      {body()}
    </FindingView>
  )),
  prototypes: preview<import('../src/schemas/index.ts').Prototype>(prototypeSchema, (p, body) => (
    <PrototypeView prototype={p}>{body()}</PrototypeView>
  )),
  pages: preview<import('../src/schemas/index.ts').Page>(pageSchema, (page, body) => (
    <PageView page={page}>{body()}</PageView>
  )),
  surveys: preview<import('../src/schemas/index.ts').Survey>(surveySchema, (survey) => (
    <ActivityIntro kind="Survey" activity={survey}>
      <h2 className="govuk-heading-m">Questions</h2>
      <ol className="govuk-list govuk-list--number">
        {survey.questions.map((q) => (
          <li key={q.id}>
            {q.label}
            {q.optional && ' (optional)'}
          </li>
        ))}
      </ol>
    </ActivityIntro>
  )),
  journeys: preview<import('../src/schemas/index.ts').Journey>(journeySchema, (journey) => (
    <ActivityIntro kind="Journey map" activity={journey} />
  )),
};

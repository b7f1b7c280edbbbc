import type { ReactNode } from 'react';
import { PROTOTYPE_STATUS_LABELS } from '../../lib/prototypes.ts';
import type { Prototype } from '../../schemas/index.ts';
import { DateText } from './DateText.tsx';

/** A prototype scope as stakeholders see it; `children` is the rendered markdown body. */
export function PrototypeView({
  prototype,
  children,
}: {
  prototype: Prototype;
  children?: ReactNode;
}) {
  return (
    <>
      <span className="govuk-caption-l">Prototype scope, version {prototype.version}</span>
      <h1 className="govuk-heading-xl">{prototype.title}</h1>
      <p className="govuk-body-l">{prototype.summary}</p>
      <p className="govuk-body">
        <strong className="govuk-tag govuk-tag--blue">
          {PROTOTYPE_STATUS_LABELS[prototype.status] ?? prototype.status}
        </strong>{' '}
        Updated <DateText date={prototype.updated} />.
      </p>

      <h2 className="govuk-heading-l">The problem</h2>
      <p className="govuk-body">{prototype.problem}</p>

      <h2 className="govuk-heading-l">Who it is for</h2>
      <p className="govuk-body">{prototype.forWhom}</p>

      <h2 className="govuk-heading-l">What it would do</h2>
      {prototype.features.map((feature, i) => (
        <section className="sg-card" aria-label={feature.name} key={i}>
          <h3 className="govuk-heading-m">{feature.name}</h3>
          <p className="govuk-body">
            <strong className="govuk-tag govuk-tag--grey">
              {PROTOTYPE_STATUS_LABELS[feature.status ?? prototype.status] ??
                feature.status ??
                prototype.status}
            </strong>
          </p>
          <p className="govuk-body">{feature.description}</p>
          {feature.image && (
            <img className="sg-feature-image" src={feature.image.src} alt={feature.image.alt} />
          )}
        </section>
      ))}

      <div className="sg-prose">{children}</div>

      <h2 className="govuk-heading-l">What we want to ask you</h2>
      <ul className="govuk-list govuk-list--bullet">
        {prototype.questions.map((question, i) => (
          <li key={i}>{question}</li>
        ))}
      </ul>

      {prototype.changes.length > 0 && (
        <>
          <h2 className="govuk-heading-l">What has changed since the last version</h2>
          <ul className="govuk-list govuk-list--bullet">
            {prototype.changes.map((change, i) => (
              <li key={i}>{change}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

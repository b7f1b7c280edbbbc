import { PICTOGRAM_NAMES } from '../src/schemas/pictograms.ts';
import type { CmsField } from 'decap-cms-core';
import { IMAGE_COMPONENT_ID } from './imageComponent.ts';

/**
 * Small builders for Decap fields, so that every collection states the same kinds of field the
 * same way. Decap makes fields required unless told otherwise; these say it every time.
 */
type Extra = Partial<Omit<CmsField, 'name' | 'label' | 'widget'>> & Record<string, unknown>;

const field = (widget: string, name: string, label: string, extra: Extra = {}) =>
  ({ name, label, widget, required: true, ...extra }) as CmsField;

export const string = (name: string, label: string, extra?: Extra) =>
  field('string', name, label, extra);
export const text = (name: string, label: string, extra?: Extra) =>
  field('text', name, label, extra);
export const markdown = (name: string, label: string, extra?: Extra) =>
  field('markdown', name, label, {
    buttons: MARKDOWN_BUTTONS,
    // Only our image control, which asks for alternative text or a decorative choice.
    editor_components: [IMAGE_COMPONENT_ID],
    ...extra,
  });
/**
 * A yes/no switch. The editor always writes its value, so it is never "optional" in the editor
 * even where the schema has a default for hand-written files.
 */
export const boolean = (name: string, label: string, extra?: Extra) =>
  field('boolean', name, label, { default: false, ...extra });
export const int = (name: string, label: string, extra?: Extra) =>
  field('number', name, label, { value_type: 'int', ...extra });
/**
 * A calendar date with no time, written as 2026-11-01. Not picker_utc: that labels a date-only
 * field "UTC", which means nothing to a researcher; with no time in the format there is no
 * time zone to shift the day.
 */
export const date = (name: string, label: string, extra?: Extra) =>
  field('datetime', name, label, {
    format: 'YYYY-MM-DD',
    date_format: 'D MMMM YYYY',
    time_format: false,
    ...extra,
  });
export const select = (
  name: string,
  label: string,
  options: readonly string[] | { value: string; label: string }[],
  extra?: Extra,
) => field('select', name, label, { options: [...options], ...extra });
export const object = (name: string, label: string, fields: CmsField[], extra?: Extra) =>
  field('object', name, label, { fields, ...extra });
/** A list of objects, each with the given fields. */
export const list = (name: string, label: string, fields: CmsField[], extra?: Extra) =>
  field('list', name, label, { fields, ...extra });
/**
 * A list of single values. Its item's label names one item, so the editor says "Add question"
 * and "1 question", not "Add questions for stakeholders" and "1 questions".
 */
export const listOf = (name: string, label: string, item: CmsField, extra?: Extra) =>
  field('list', name, label, {
    field: item,
    collapsed: false,
    label_singular: (item.label ?? item.name).toLowerCase(),
    ...extra,
  });

export const optional = (f: CmsField): CmsField => ({ ...f, required: false });

/**
 * An object that may be left out. Decap still validates the children of an empty optional
 * object (decap-cms#3005), so they are optional here too; the content schema checks them when
 * the object is filled in, the preview shows what is missing, and the build refuses the file.
 */
export const optionalObject = (name: string, label: string, fields: CmsField[], extra?: Extra) =>
  optional(object(name, label, fields.map(optional), extra));

/** Headings start at level 2: the page title is the only h1 (WCAG 1.3.1, one h1 a page). */
const MARKDOWN_BUTTONS = [
  'bold',
  'italic',
  'link',
  'heading-two',
  'heading-three',
  'quote',
  'bulleted-list',
  'numbered-list',
] as const;

/** A kebab-case identifier, checked as the schema checks it. */
export const SLUG_PATTERN: [string, string] = [
  '^[a-z][a-z0-9-]*$',
  'Use lower case letters, numbers and hyphens, starting with a letter (for example, your-role)',
];

/**
 * The picture beside an easy-read point: a bundled pictogram and its alternative text. Both are
 * needed once either is given; the build refuses a picture without alternative text.
 */
export const easyReadPicture = () =>
  optionalObject(
    'picture',
    'Easy read picture',
    [
      select('pictogram', 'Picture', PICTOGRAM_NAMES),
      string('alt', 'Alternative text (required with a picture)', {
        hint: 'What the picture means here, for people who cannot see it. For example, "A telephone".',
      }),
    ],
    { collapsed: true, hint: 'Shown beside this point in easy read.' },
  );

import type { CmsCollection, CmsField } from 'decap-cms-core';
import { ACTIVITY_STATUSES, AUDIENCE_LABELS, AUDIENCES } from '../src/schemas/common.ts';
import { SURVEY_LAYOUTS } from '../src/schemas/survey.ts';
import { PROTOTYPE_STATUSES } from '../src/schemas/prototype.ts';
import { CONTENT_FOLDERS } from '../src/lib/contentFolders.ts';
import { questionTypes } from './questions.ts';
import {
  boolean,
  date,
  easyReadPicture,
  int,
  list,
  listOf,
  markdown,
  object,
  optional,
  optionalObject,
  select,
  SLUG_PATTERN,
  string,
  text,
} from './fields.ts';

// Decap wants folders without the leading "./" that Astro's loaders use.
const folder = (name: keyof typeof CONTENT_FOLDERS) => CONTENT_FOLDERS[name].replace(/^\.\//, '');

const audienceOptions = AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] }));

const consent = object(
  'consent',
  'Consent',
  [
    string('version', 'Version', {
      hint: 'Change this (1.0 → 1.1) whenever a statement changes. Each answer records the version agreed to.',
      pattern: ['^\\d+\\.\\d+$', 'Write the version like 1.0'],
      default: '1.0',
    }),
    list(
      'statements',
      'Statements participants must agree to',
      [
        string('id', 'Short name', { pattern: SLUG_PATTERN, hint: 'For example, can-withdraw' }),
        text('text', 'Statement'),
        optional(text('easyRead', 'Easy read wording')),
        easyReadPicture(),
      ],
      { min: 1, label_singular: 'statement', summary: '{{fields.text}}' },
    ),
  ],
  { collapsed: false },
);

/** Fields shared by surveys and journey activities, in the order a researcher thinks of them. */
const activityFields: CmsField[] = [
  string('title', 'Title'),
  text('summary', 'Summary', {
    hint: 'One or two sentences shown in lists (20 to 300 characters).',
  }),
  select('audience', 'Who it is for', audienceOptions, { multiple: true, min: 1 }),
  select('status', 'Status', [...ACTIVITY_STATUSES], {
    default: 'draft',
    hint: 'Draft: not listed. Open: taking answers. Closed: listed, not taking answers.',
  }),
  date('opens', 'Opens on'),
  date('closes', 'Closes on'),
  int('retentionMonths', 'Keep answers for (months after closing)', {
    min: 1,
    max: 84,
    default: 24,
  }),
  int('estimatedMinutes', 'How many minutes it takes', { min: 1, max: 120, default: 10 }),
  text('intro', 'Introduction', {
    hint: 'Who is running the research, why, what happens to the answers, how long they are kept and how to withdraw. Leave a blank line between paragraphs.',
  }),
  boolean('offersEasyRead', 'Offer an easy read version', {
    hint: 'Then every question, hint, option and statement needs its easy read wording and a picture, or the site will not build.',
  }),
  optional(text('easyReadIntro', 'Easy read introduction')),
  consent,
];

// Alternative text is required whenever an image is chosen; the build refuses empty alt text.
const image = optionalObject('image', 'Image', [
  { name: 'src', label: 'Image file', widget: 'image', required: true } as CmsField,
  string('alt', 'Alternative text (required with an image)', {
    hint: 'Describe what the image shows for people who cannot see it.',
  }),
]);

export const collections: CmsCollection[] = [
  {
    ...datedPosts('findings', 'Findings', 'Finding'),
    fields: [
      ...datedPostFields(),
      optional(relation('surveys', 'Surveys it draws on', 'surveys')),
      optional(relation('journeys', 'Journey activities it draws on', 'journeys')),
      optional(relation('prototypes', 'Prototype scopes it shaped', 'prototypes')),
      optional(
        listOf('tags', 'Topics', string('tag', 'Topic', { pattern: SLUG_PATTERN }), {
          hint: 'Lower case words joined by hyphens, for example information-sharing',
        }),
      ),
      optional(
        list(
          'youSaidWeDid',
          'You said, we did',
          [text('said', 'You said'), text('did', 'We did')],
          { label_singular: 'item', summary: '{{fields.said}}' },
        ),
      ),
      optionalObject(
        'journeyMap',
        'Journey map',
        [
          string('title', 'Title of the map'),
          list(
            'stages',
            'Stages',
            [
              string('name', 'Stage'),
              int('feeling', 'How it felt (1 very bad to 5 very good)', { min: 1, max: 5 }),
              optional(text('note', 'What people said')),
            ],
            { label_singular: 'stage', summary: '{{fields.name}}', max: 30 },
          ),
        ],
        {
          hint: 'Optional: drawn on the page as a curve with a table of the same values.',
          collapsed: true,
        },
      ),
      markdown('body', 'Body'),
    ],
  },
  {
    ...datedPosts('updates', 'Project updates', 'Project update'),
    fields: [
      ...datedPostFields(),
      optional(
        string('author', 'Written by', {
          hint: 'A person or a team. Left empty, the update is signed by the Safeguarding 2.0 team.',
        }),
      ),
      optional(relation('surveys', 'Surveys it is about', 'surveys')),
      optional(relation('journeys', 'Journey activities it is about', 'journeys')),
      optional(relation('prototypes', 'Prototype scopes it is about', 'prototypes')),
      optional(relation('findings', 'Findings it is about', 'findings')),
      markdown('body', 'Body'),
    ],
  },
  {
    name: 'prototypes',
    label: 'Prototype scopes',
    label_singular: 'Prototype scope',
    folder: folder('prototypes'),
    create: true,
    slug: '{{slug}}',
    format: 'frontmatter',
    extension: 'md',
    fields: [
      string('title', 'Title'),
      text('summary', 'Summary'),
      select('status', 'Stage', [...PROTOTYPE_STATUSES], { default: 'idea' }),
      string('version', 'Version', {
        default: '0.1',
        pattern: ['^\\d+\\.\\d+$', 'Write the version like 0.1'],
      }),
      date('updated', 'Updated on', { default: '{{now}}' }),
      text('problem', 'The problem'),
      text('forWhom', 'Who it is for'),
      list(
        'features',
        'Features',
        [
          optional(
            string('id', 'Short name for counting feedback', {
              pattern: SLUG_PATTERN,
              hint: 'Optional. Lower case words joined by hyphens. Keep it the same when you rename the feature, so its feedback still counts together.',
            }),
          ),
          string('name', 'Name'),
          text('description', 'Description'),
          optional(
            select('status', 'Stage of this feature', [...PROTOTYPE_STATUSES], {
              hint: 'Leave empty when it is at the same stage as the whole scope.',
            }),
          ),
          image,
        ],
        { min: 1, label_singular: 'feature', summary: '{{fields.name}}' },
      ),
      listOf('questions', 'Questions for stakeholders', text('question', 'Question'), { min: 1 }),
      optional(
        listOf('changes', 'What has changed since the last version', text('change', 'Change')),
      ),
      boolean('feedbackOpen', 'Open for feedback'),
      int('retentionMonths', 'Keep feedback for (months after it was sent)', {
        min: 1,
        max: 84,
        default: 24,
      }),
      markdown('body', 'More about this scope'),
    ],
  },
  {
    name: 'surveys',
    label: 'Surveys',
    label_singular: 'Survey',
    folder: folder('surveys'),
    create: true,
    slug: '{{slug}}',
    format: 'yml',
    extension: 'yml',
    fields: [
      ...activityFields,
      select('layout', 'Layout', [...SURVEY_LAYOUTS], {
        default: 'one-page',
        hint: 'one-page: every question on one page. question-per-page: one question at a time, with "Question 3 of 12".',
      }),
      boolean('askWhoHelped', 'Ask "Did someone help you fill this in?"', { default: true }),
      {
        name: 'questions',
        label: 'Questions',
        label_singular: 'question',
        widget: 'list',
        required: true,
        min: 1,
        typeKey: 'type',
        summary: '{{fields.label}}',
        types: questionTypes,
      } as CmsField,
    ],
  },
  {
    name: 'journeys',
    label: 'Journey-mapping activities',
    label_singular: 'Journey-mapping activity',
    folder: folder('journeys'),
    create: true,
    slug: '{{slug}}',
    format: 'yml',
    extension: 'yml',
    fields: [
      ...activityFields,
      list('involvedRoles', 'Roles people can say were involved', roleFields(), {
        min: 2,
        label_singular: 'role',
        summary: '{{fields.label}}',
      }),
      list('participantRoles', 'Roles participants can describe themselves as', roleFields(), {
        min: 1,
        label_singular: 'role',
        summary: '{{fields.label}}',
      }),
      list(
        'suggestedStages',
        'Suggested stages',
        [
          string('name', 'Stage name'),
          optional(text('prompt', 'Prompt')),
          optional(string('easyRead', 'Stage name in easy read')),
          optional(text('easyReadPrompt', 'Prompt in easy read')),
          easyReadPicture(),
        ],
        { max: 30, label_singular: 'stage', summary: '{{fields.name}}' },
      ),
      int('textMaxLength', 'Character limit for each answer about a stage', {
        min: 100,
        max: 5000,
        default: 1000,
      }),
    ],
  },
  {
    name: 'pages',
    label: 'Pages',
    label_singular: 'Page',
    folder: folder('pages'),
    create: true,
    slug: '{{slug}}',
    format: 'frontmatter',
    extension: 'md',
    fields: [
      string('title', 'Title'),
      text('summary', 'Summary', { hint: 'One sentence for search results.' }),
      int('order', 'Position in the footer', { min: 0, max: 100, default: 10 }),
      date('updated', 'Last updated', { default: '{{now}}' }),
      markdown('body', 'Body'),
    ],
  },
  {
    name: 'settings',
    label: 'Settings',
    files: [
      {
        name: 'site',
        label: 'Site settings',
        file: `${folder('settings')}/site.yml`,
        fields: [
          string('siteName', 'Site name'),
          string('tagline', 'Tagline'),
          text('description', 'Description'),
          string('researchLead', 'Who runs the research'),
          string('siteUrl', 'Address of this site', {
            hint: 'The public address, such as https://safeguarding2.example (no / at the end). Feeds link to pages with it.',
          }),
          string('contactEmail', 'Contact email'),
          list(
            'partners',
            'Partners',
            [
              string('name', 'Name'),
              text('role', 'What they do'),
              optional(string('url', 'Website')),
            ],
            { min: 1, label_singular: 'partner', summary: '{{fields.name}}' },
          ),
          list(
            'helpLines',
            'Help lines',
            [
              string('name', 'Name'),
              string('phone', 'Phone number'),
              string('when', 'When it is open'),
              text('description', 'Who it is for'),
            ],
            { min: 1, label_singular: 'help line', summary: '{{fields.name}}' },
          ),
          object('frontDoor', "Local children's services front door", [
            string('name', 'Name'),
            string('phone', 'Phone number'),
            string('outOfHoursPhone', 'Out of hours phone number'),
            text('description', 'Description'),
          ]),
          string('exitUrl', 'Exit this page goes to', {
            hint: 'A neutral, everyday website (https), such as a weather page.',
          }),
          listOf('riskPhrases', 'Risk phrases', string('phrase', 'Phrase'), {
            min: 1,
            hint: 'Free-text answers containing one of these are flagged for a researcher to read first. Matching ignores capital letters.',
          }),
          optional(
            listOf('personalNames', 'Names to highlight for moderators', string('name', 'Name'), {
              hint: 'Comments on prototype scopes are shown to a moderator with these names highlighted, so they can be edited out before publishing.',
            }),
          ),
          object('safeguardingProtocol', 'Safeguarding protocol', [
            string('lead', 'Who leads on safeguarding'),
            string('contact', 'How to contact them'),
            string('timescale', 'How fast'),
            listOf('steps', 'Steps', text('step', 'Step'), { min: 1 }),
          ]),
        ],
      },
    ],
  },
];

/** Findings and updates: dated Markdown posts, listed by title and date. */
function datedPosts(name: 'findings' | 'updates', label: string, labelSingular: string) {
  return {
    name,
    label,
    label_singular: labelSingular,
    folder: folder(name),
    create: true,
    slug: '{{slug}}',
    format: 'frontmatter',
    extension: 'md',
    summary: '{{title}} ({{date}})',
  } as const;
}

/** The title, date and summary every dated post starts with. */
function datedPostFields(): CmsField[] {
  return [
    string('title', 'Title'),
    date('date', 'Date', { default: '{{now}}' }),
    text('summary', 'Summary', { hint: 'One or two sentences (20 to 300 characters).' }),
  ];
}

function roleFields(): CmsField[] {
  return [
    string('value', 'Short name', { pattern: SLUG_PATTERN }),
    string('label', 'Label'),
    optional(string('easyRead', 'Label in easy read')),
  ];
}

function relation(
  name: string,
  label: string,
  collection: 'surveys' | 'journeys' | 'prototypes' | 'findings',
): CmsField {
  return {
    name,
    label,
    widget: 'relation',
    required: true,
    collection,
    value_field: '{{slug}}',
    search_fields: ['title'],
    display_fields: ['title'],
    multiple: true,
  } as CmsField;
}

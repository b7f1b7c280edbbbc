/**
 * The pictures an editor can put beside an easy-read point, each named for what it stands for.
 * They come from OpenMoji (CC BY-SA 4.0, bundled from the npm package @iconify-json/openmoji and
 * served from this site, never linked from elsewhere); the value is the OpenMoji icon's name.
 * Kept short on purpose: easy read works best when the same picture always means the same thing.
 */
export const PICTOGRAMS = {
  question: 'red-question-mark',
  information: 'information',
  agree: 'check-mark-button',
  'do-not-agree': 'cross-mark-button',
  stop: 'stop-sign',
  you: 'bust-in-silhouette',
  'other-people': 'busts-in-silhouette',
  family: 'family-adult-adult-child',
  child: 'child',
  'working-together': 'people-holding-hands',
  talking: 'speech-balloon',
  meeting: 'people-dialogue',
  teacher: 'teacher',
  police: 'police-officer',
  health: 'health-worker',
  hospital: 'hospital',
  council: 'office-building',
  court: 'classical-building',
  phone: 'telephone-receiver',
  email: 'envelope',
  computer: 'desktop-computer',
  'mobile-phone': 'mobile-phone',
  date: 'calendar',
  time: 'hourglass-done',
  number: 'input-numbers',
  private: 'locked',
  delete: 'wastebasket',
  write: 'writing-hand',
  code: 'key',
  idea: 'light-bulb',
  help: 'handshake',
  happy: 'slightly-smiling-face',
  sad: 'frowning-face',
  worried: 'worried-face',
  thinking: 'thinking-face',
  results: 'bar-chart',
  safe: 'shield',
  warning: 'warning',
  home: 'house',
  rating: 'star',
  'good-idea': 'thumbs-up',
  listen: 'speaker-high-volume',
  journey: 'footprints',
  send: 'envelope-with-arrow',
} as const;

export type Pictogram = keyof typeof PICTOGRAMS;
export const PICTOGRAM_NAMES = Object.keys(PICTOGRAMS) as [Pictogram, ...Pictogram[]];

/** Where the site serves a pictogram (src/pages/pictograms/[name].svg.ts). */
export const pictogramSrc = (name: Pictogram) => `/pictograms/${name}.svg`;

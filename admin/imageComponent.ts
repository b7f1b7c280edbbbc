/**
 * The body editor's image control. An image either says what it shows (alternative text) or is
 * marked decorative on purpose; there is no third way. It writes the two forms the build accepts
 * (src/schemas/markdownImages.ts), and leaving both empty writes an image the editor's own check
 * then refuses before saving, with the reason.
 */
import { byMediaFolder } from './decapControls.ts';

export const IMAGE_COMPONENT_ID = 'image-with-alt';

export interface ImageBlock {
  image?: string;
  alt?: string;
  decorative?: boolean;
}

const PATTERN = /^(?:!\[([^\]]*)\]\((\S+)\)|<img src="([^"]+)" alt="">)$/;

export function imageFromBlock(match: RegExpMatchArray): ImageBlock {
  return match[3]
    ? { image: match[3], alt: '', decorative: true }
    : { image: match[2], alt: match[1], decorative: false };
}

export function imageToBlock({ image = '', alt = '', decorative }: ImageBlock): string {
  if (decorative) return `<img src="${image.replace(/"/g, '%22')}" alt="">`;
  return `![${alt.replace(/[[\]\n]/g, ' ').trim()}](${image})`;
}

export const imageComponent = {
  id: IMAGE_COMPONENT_ID,
  label: 'Image',
  fields: [
    { name: 'image', label: 'Image file', widget: 'image' },
    {
      name: 'alt',
      label: 'Alternative text',
      widget: 'string',
      required: false,
      hint: 'What the image shows, for people who cannot see it. Needed unless the image is decorative.',
    },
    {
      name: 'decorative',
      label: 'This image is decorative: it adds nothing to the words around it',
      widget: 'boolean',
      default: false,
      required: false,
    },
  ],
  pattern: PATTERN,
  fromBlock: imageFromBlock,
  toBlock: imageToBlock,
  // The image as participants will see it, with its alternative text (empty when decorative),
  // found by its place in the media folder so that one saved only with a draft shows too. HTML,
  // not a React element: React's server rendering adds a preload link before each image.
  toPreview: (block: ImageBlock, getAsset: (path: string, field?: unknown) => unknown) => {
    const src = String(byMediaFolder(getAsset)(block.image ?? '') ?? '');
    const alt = block.decorative ? '' : (block.alt ?? '');
    return `<img src="${escapeAttribute(src)}" alt="${escapeAttribute(alt)}">`;
  },
};

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

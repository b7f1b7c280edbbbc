import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PICTOGRAMS, type Pictogram } from '../schemas/pictograms.ts';

/** The parts of an Iconify icon set this module reads. */
interface IconSet {
  width?: number;
  height?: number;
  icons: Record<string, { body: string; width?: number; height?: number }>;
}

let icons: IconSet | undefined;

/** The OpenMoji set, read once from the npm package (about 9 MB, so only at build time). */
function openMoji(): IconSet {
  const file = createRequire(import.meta.url).resolve('@iconify-json/openmoji/icons.json');
  return (icons ??= JSON.parse(readFileSync(file, 'utf8')) as IconSet);
}

/**
 * A pictogram as a standalone SVG file. It carries no text of its own: the page gives each
 * picture its alternative text, written by the editor for the point it stands beside.
 */
export function pictogramSvg(name: Pictogram): string {
  const set = openMoji();
  const icon = set.icons[PICTOGRAMS[name]];
  if (!icon) throw new Error(`OpenMoji has no icon "${PICTOGRAMS[name]}" for pictogram "${name}"`);
  const width = icon.width ?? set.width ?? 72;
  const height = icon.height ?? set.height ?? 72;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${icon.body}</svg>`;
}

import type { APIRoute } from 'astro';
import { PICTOGRAM_NAMES, type Pictogram } from '../../schemas/pictograms.ts';
import { pictogramSvg } from '../../lib/pictogramSvg.ts';

// Written as files at build time: the pictures are served by this site, never fetched from
// elsewhere, and cost the server nothing per request.
export const prerender = true;

export function getStaticPaths() {
  return PICTOGRAM_NAMES.map((name) => ({ params: { name } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(pictogramSvg(params.name as Pictogram), {
    headers: { 'Content-Type': 'image/svg+xml' },
  });

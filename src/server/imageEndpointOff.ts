import type { APIRoute } from 'astro';
import { json } from './jsonResponses.ts';

/**
 * Astro's image endpoint (`/_image`), turned off: the site resizes no images (uploads are served
 * as they are, from public/uploads/), and the built-in endpoint answered 500 to a request for an
 * SVG as PNG. astro.config.mjs points `image.endpoint.entrypoint` here, so every request to it
 * is a plain 404.
 */
export const prerender = false;

export const ALL: APIRoute = () => json(404, { error: 'Not found' });

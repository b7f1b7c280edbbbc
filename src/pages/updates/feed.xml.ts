import type { APIRoute } from 'astro';
import { updatesFeed } from '../../lib/updates.ts';

/** The updates as an Atom feed, built with the site. */
export const GET: APIRoute = async () =>
  new Response(await updatesFeed(), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });

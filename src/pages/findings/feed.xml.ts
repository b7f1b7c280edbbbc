import type { APIRoute } from 'astro';
import { findingsFeed } from '../../lib/updates.ts';

/** The findings as an Atom feed, built with the site. */
export const GET: APIRoute = async () =>
  new Response(await findingsFeed(), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });

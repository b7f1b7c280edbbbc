import type { APIRoute } from 'astro';
import { json } from '../../../server/jsonResponses.ts';

// Any /api/research/ address no route answers. It exists so the middleware runs first: without
// a session every such address is 401, so nobody can map the API without signing in.
export const prerender = false;

export const ALL: APIRoute = () => json(404, { error: 'Not found' });

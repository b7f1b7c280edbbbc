import type { APIRoute } from 'astro';
import { getStore } from '../../server/store.ts';
import { json, methodNotAllowed } from '../../server/jsonResponses.ts';

export const prerender = false;

/** 200 once the database answers; 503 (with no detail a stranger could use) otherwise. */
export const GET: APIRoute = () => {
  try {
    return json(200, { status: 'ok', ...getStore().health() });
  } catch (error) {
    console.error('health check failed:', error instanceof Error ? error.message : error);
    return json(503, { status: 'unavailable' });
  }
};

export const ALL = methodNotAllowed(['GET']);

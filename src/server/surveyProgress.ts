import { randomBytes } from 'node:crypto';
import type { FlowState } from '../forms/flow.ts';

/**
 * The answers so far of a survey filled in without JavaScript, between a step's form post and
 * the page it redirects to (post/redirect/get, so the browser's Back button shows the previous
 * question instead of "Confirm form resubmission"). Held in this process's memory only, never on
 * disk and never as a response: forgotten KEEP_MS after the last step, when the server restarts,
 * or when memory runs short (oldest first). The code in the address is 128 random bits.
 */
export const KEEP_MS = 2 * 60 * 60 * 1000;
/** About 64 MB of answers at most: a flood of posts evicts the oldest, never fills memory. */
const MAX_CHARS = 32_000_000;

/** What a step's page needs again: the answers so far, the step's errors and any notice. */
interface StepState {
  errors: Record<string, string>;
  notice?: string;
  progress?: string;
}

interface Kept {
  slug: string;
  state: StepState;
  /** The status of the post that made this state, shown once (422 with errors, 503 busy…). */
  status: number;
  fresh: boolean;
  at: number;
  size: number;
}

const kept = new Map<string, Kept>();
let total = 0;
const TOKEN = /^[A-Za-z0-9_-]{22}$/;

function drop(token: string) {
  const entry = kept.get(token);
  if (!entry) return;
  total -= entry.size;
  kept.delete(token);
}

/** Keeps a step's state; returns the code for its address (a new one unless `token` is known). */
export function keepProgress(
  token: string | null | undefined,
  slug: string,
  state: FlowState,
  status: number,
  now = Date.now(),
): string {
  // Once sent, only the receipt is kept: Back after sending must not show the answers again.
  const keep: FlowState =
    state.step.name === 'done'
      ? { ...state, values: { answers: {}, consent: {} }, errors: {} }
      : state;
  return keepState(token, slug, keep, status, now);
}

/**
 * Keeps any activity's step state (a journey map's too) under the same limits; `scope` keeps one
 * activity's codes from opening another's. The caller strips the answers once they are sent.
 */
export function keepState<T extends StepState>(
  token: string | null | undefined,
  scope: string,
  state: T,
  status: number,
  now = Date.now(),
): string {
  const slug = scope;
  const known = token && TOKEN.test(token) && kept.get(token)?.slug === slug ? token : undefined;
  const code = known ?? randomBytes(16).toString('base64url');
  drop(code);
  const keep: T = { ...state, progress: undefined };
  const size = JSON.stringify(keep).length;
  // 201 (stored) belongs to the post; the page it redirects to is an ordinary 200.
  kept.set(code, {
    slug,
    state: keep,
    status: status === 201 ? 200 : status,
    fresh: true,
    at: now,
    size,
  });
  total += size;
  for (const [old, entry] of kept) {
    if (total <= MAX_CHARS && now - entry.at <= KEEP_MS) break;
    drop(old);
  }
  return code;
}

/**
 * The kept state for an address, and the status to answer with: the post's own status the first
 * time (errors are shown once), 200 after that, when the page is reached again with Back.
 */
export function readProgress(
  token: string | null | undefined,
  slug: string,
  now = Date.now(),
): { state: FlowState; status: number } | undefined {
  return readState<FlowState>(token, slug, now);
}

export function readState<T extends StepState>(
  token: string | null | undefined,
  slug: string,
  now = Date.now(),
): { state: T; status: number } | undefined {
  if (!token || !TOKEN.test(token)) return undefined;
  const entry = kept.get(token);
  if (!entry || entry.slug !== slug) return undefined;
  if (now - entry.at > KEEP_MS) {
    drop(token);
    return undefined;
  }
  const { status, fresh } = entry;
  const state = entry.state as T;
  entry.fresh = false;
  return fresh
    ? { state: { ...state, progress: token }, status }
    : { state: { ...state, progress: token, errors: {}, notice: undefined }, status: 200 };
}

export function forgetProgress(token: string | null | undefined) {
  if (token) drop(token);
}

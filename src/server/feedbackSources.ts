import { randomUUID } from 'node:crypto';
import { processSingleton } from './processSingleton.ts';

/**
 * Which pieces of feedback on a prototype scope may have come from one source, so that public
 * reaction counts can require several independent sources, not several posts (issue 12: one
 * person's "worried" was revealed when an outsider added four reactions of their own and then
 * subtracted them from the counts).
 *
 * Two pieces of feedback on one scope are put in the same source group when
 * - they came from the same address (an IPv6 /64) within SOURCE_MEMORY_MS of that address's
 *   last feedback there, or
 * - they arrived within BURST_MS of the first piece of a burst, whatever their addresses: a
 *   burst from many addresses (a script, or a workshop) counts as one source.
 *
 * Only an opaque random group id is stored with the feedback, never an address or a time of day.
 * The addresses are remembered in memory only, as the limiters' keyed hashes, and forgotten at
 * restart or when the table is full (then a returning address starts a new group).
 */
export const SOURCE_MEMORY_MS = 24 * 60 * 60_000;
export const BURST_MS = 15 * 60_000;
const MAX_REMEMBERED = 50_000;

export class SourceGrouper {
  /** `${slug}\n${client}` → its group, oldest use first (each use moves it to the end). */
  readonly #clients = new Map<string, { group: string; seenAt: number }>();
  /** slug → the burst now open on that scope. */
  readonly #bursts = new Map<string, { group: string; startedAt: number }>();

  /** The source group for new feedback on `slug` from `client` (a key from clientKey). */
  groupFor(slug: string, client: string, now = Date.now()): string {
    const key = `${slug}\n${client}`;
    const known = this.#clients.get(key);
    this.#clients.delete(key);
    let group: string;
    if (known && now - known.seenAt < SOURCE_MEMORY_MS) {
      group = known.group;
    } else {
      const burst = this.#bursts.get(slug);
      if (burst && now - burst.startedAt < BURST_MS) {
        group = burst.group;
      } else {
        group = randomUUID();
        this.#bursts.set(slug, { group, startedAt: now });
      }
    }
    this.#clients.set(key, { group, seenAt: now });
    while (this.#clients.size > MAX_REMEMBERED) {
      this.#clients.delete(this.#clients.keys().next().value!);
    }
    return group;
  }
}

/** One per process, shared by the API and the no-JavaScript form. */
export const feedbackSources = () => processSingleton('feedbackSources', () => new SourceGrouper());

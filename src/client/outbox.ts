/**
 * Submissions that could not reach the server wait here, on the device, until they can. Each
 * carries its submissionId, so sending one twice stores it once (the server answers 200 with the
 * same receipt), which makes retrying always safe.
 */
const KEY = 'sg-outbox';

export interface Queued {
  url: string;
  body: { submissionId: string } & Record<string, unknown>;
}

export type Delivery =
  | { kind: 'delivered'; receipt: string }
  | { kind: 'rejected'; status: number; body: unknown }
  | { kind: 'waiting' };

function read(): Queued[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as Queued[];
  } catch {
    return [];
  }
}

function write(items: Queued[]) {
  try {
    localStorage.setItem(KEY, JSON.stringify(items));
  } catch {
    // Storage full or turned off: the submission stays in memory for this page only.
  }
}

export function enqueue(item: Queued) {
  write([...read().filter((q) => q.body.submissionId !== item.body.submissionId), item]);
}

export function isQueued(submissionId: string): boolean {
  return read().some((q) => q.body.submissionId === submissionId);
}

/**
 * Sends one submission. Network failures and server trouble (5xx, 429) leave it queued; any
 * other answer removes it, as sending it again would get the same answer.
 */
export async function deliver(item: Queued): Promise<Delivery> {
  let response: Response;
  try {
    response = await fetch(item.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(item.body),
    });
  } catch {
    enqueue(item);
    return { kind: 'waiting' };
  }
  if (response.status >= 500 || response.status === 429) {
    enqueue(item);
    return { kind: 'waiting' };
  }
  write(read().filter((q) => q.body.submissionId !== item.body.submissionId));
  const body = await response.json().catch(() => ({}));
  return response.ok
    ? { kind: 'delivered', receipt: (body as { receipt: string }).receipt }
    : { kind: 'rejected', status: response.status, body };
}

/** Tries everything still waiting; used when the connection comes back or a page opens. */
export async function flush(onResult: (item: Queued, result: Delivery) => void) {
  for (const item of read()) onResult(item, await deliver(item));
}

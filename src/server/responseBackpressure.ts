import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

interface Writing {
  /** Settles when the response can take more, or undefined when it can now. */
  ready(): Promise<void> | undefined;
}

/**
 * One for the process, on globalThis as the store is (src/server/store.ts): the server wraps
 * responses in scripts/serve.ts's module graph and the exports wait in the bundled routes'.
 */
const KEY = Symbol.for('safeguarding.responseWriting');
const writing: AsyncLocalStorage<Writing> = ((globalThis as { [KEY]?: AsyncLocalStorage<Writing> })[
  KEY
] ??= new AsyncLocalStorage<Writing>());

/**
 * Lets a streamed body wait for the client (docs/reliability.md G26). The Node adapter writes each chunk of a streamed
 * body as soon as it is read, without waiting when the socket (or the compressor in front of
 * it) says it is full, so a 90 MB export to a slow researcher was held in the server's memory.
 * This wraps the response's `write` to notice "full" and its `drain`, and makes that known to
 * code running for the request (responseReady), which the export streams wait on before they
 * read more rows (src/server/research/exports.ts). Must be inside the compression wrapper, so
 * that "full" is the compressor's.
 */
export function withBackpressure(listener: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    let waiting: Promise<void> | undefined;
    let release: (() => void) | undefined;
    let listening = false;
    const write = res.write;
    res.write = function (this: ServerResponse, ...args: Parameters<ServerResponse['write']>) {
      const ok = write.apply(this, args);
      if (!ok && !waiting) {
        // One listener for the response's life: `compression` hands `drain` listeners to its
        // own stream, where they cannot be removed through the response.
        if (!listening) {
          const drained = () => {
            waiting = undefined;
            release?.();
          };
          res.on('drain', drained);
          // A client that goes away never drains: closing lets the stream be cancelled.
          res.on('close', drained);
          listening = true;
        }
        waiting = new Promise<void>((resolve) => (release = resolve));
      }
      return ok;
    } as ServerResponse['write'];
    return writing.run({ ready: () => waiting }, () => listener(req, res));
  };
}

/** Settles when the response being written for this request can take more (see above). */
export function responseReady(): Promise<void> | undefined {
  return writing.getStore()?.ready();
}

import type { Server } from 'node:http';

/** How long a stopping server waits for requests in flight before it cuts them off. */
export const DRAIN_TIMEOUT_MS = 10_000;

// A connection that has just answered its last request sits idle on keep-alive; closing idle
// connections this often lets the drain finish soon after the last answer instead of waiting
// for the keep-alive timeout.
const IDLE_SWEEP_MS = 100;

/**
 * Stops `server` taking new connections and waits for the requests already in flight to be
 * answered. Resolves true once every connection has closed, or false if `timeoutMs` passed
 * first, in which case the remaining connections are closed without an answer.
 *
 * Nothing in flight is half-written: node:sqlite is synchronous, so a transaction has always
 * committed or rolled back before any other code (a signal handler included) runs.
 */
export function drainServer(server: Server, timeoutMs = DRAIN_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => {
      clearInterval(sweep);
      server.closeAllConnections();
      resolve(false);
    }, timeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve(true);
    });
  });
}

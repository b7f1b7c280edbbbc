import type { Parameters } from 'fast-check';

/**
 * Run settings for every fuzz property. Each run picks a new seed, so over many runs the tests
 * try more inputs; a failure prints its seed and path, and `FUZZ_SEED=<seed> FUZZ_PATH=<path>`
 * replays exactly that case. `FUZZ_RUNS=10` multiplies the number of runs for a longer local hunt.
 */
export function fuzzOptions<T>(numRuns: number): Parameters<T> {
  const scale = Number(process.env.FUZZ_RUNS) || 1;
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  return {
    numRuns: Math.max(1, Math.round(numRuns * scale)),
    ...(seed === undefined ? {} : { seed, path: process.env.FUZZ_PATH }),
  };
}

/** A test's time limit in milliseconds, stretched for longer hunts (`FUZZ_RUNS`). */
export function fuzzTimeout(ms = 60_000): number {
  return ms * Math.max(1, Number(process.env.FUZZ_RUNS) || 1);
}

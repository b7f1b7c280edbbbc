/**
 * One instance per server process, made on first use. Kept on globalThis under a registered
 * symbol because the bundled routes may not share one module instance, and a limiter split in
 * two would let each half allow the full amount.
 */
export function processSingleton<T>(name: string, make: () => T): T {
  const key = Symbol.for(`safeguarding.${name}`);
  const holder = globalThis as { [key: symbol]: unknown };
  holder[key] ??= make();
  return holder[key] as T;
}

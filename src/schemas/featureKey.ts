// Without Zod: the feedback form in the browser needs this, and Zod's start-up check for
// `new Function` breaks the Content-Security-Policy (no 'unsafe-eval' on participant pages).

/** The key a feature's reactions are stored under: its id, or its name made into a slug. */
export function featureKey(feature: { id?: string; name: string }): string {
  return (
    feature.id ??
    (feature.name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') ||
      'feature')
  );
}

/**
 * Formik turns empty strings into `undefined` before validating (prepareDataForValidation).
 * The server must see values the same way, or the browser and the server would disagree about
 * what "empty" means. Both call this.
 */
export function normaliseValues<T>(value: T): T {
  if (value === '') return undefined as T;
  if (Array.isArray(value)) return value.map(normaliseValues) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, normaliseValues(inner)]),
    ) as T;
  }
  return value;
}

/** "1 code", "2 codes": a count with its noun in the right number, and the space between. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

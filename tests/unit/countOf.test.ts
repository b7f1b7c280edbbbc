import { describe, expect, it } from 'vitest';
import { countOf } from '../../src/lib/countOf.ts';

describe('countOf', () => {
  it('puts a space between the number and a noun in the right number', () => {
    expect(countOf(1, 'code')).toBe('1 code');
    expect(countOf(0, 'code')).toBe('0 codes');
    expect(countOf(5, 'map')).toBe('5 maps');
    expect(countOf(2, 'person', 'people')).toBe('2 people');
    expect(countOf(1200, 'map')).toBe('1,200 maps');
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EmotionCurve } from '../../src/components/journey/EmotionCurve.tsx';

const numbers = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]);

describe('EmotionCurve with several lines', () => {
  it('puts every line’s point for a stage on that stage’s tick', () => {
    const html = renderToStaticMarkup(
      createElement(EmotionCurve, {
        points: ['Assessment', 'Waiting', 'Meeting'].map((name) => ({ name, feeling: 0 })),
        series: [
          { label: 'Parents', values: [2, 3, 4] },
          { label: 'Social workers', values: [2, null, 5] },
        ],
      }),
    );
    const ticks = numbers(html, /<line x1="([\d.]+)"[^>]*data-tick=/g);
    expect(ticks).toHaveLength(3);
    // Parents are circles: their centres are the ticks.
    expect(numbers(html, /<circle cx="([\d.]+)"[^>]*data-stage=/g)).toEqual(ticks);
    // Social workers are squares, 14 wide: their middles are the ticks too.
    const squares = numbers(html, /<rect x="([\d.]+)"[^>]*data-stage=/g).map((x) =>
      String(Number(x) + 7),
    );
    expect(squares).toEqual([ticks[0], ticks[2]]);
  });
});

import { FEELINGS, feelingLabel } from '../../forms/journeyMap.ts';

export interface CurvePoint {
  name: string;
  feeling: number;
}

const WIDTH = 640;
const HEIGHT = 300;
const PAD = { left: 110, right: 24, top: 24, bottom: 48 };

/**
 * The emotion curve: one labelled point a stage, higher is better. The picture says nothing the
 * table beside it does not; its text alternative lists every stage and feeling too.
 */
export function EmotionCurve({ points, id = 'curve' }: { points: CurvePoint[]; id?: string }) {
  const x = (i: number) =>
    PAD.left +
    (points.length === 1 ? 0.5 : i / (points.length - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (feeling: number) => PAD.top + ((5 - feeling) / 4) * (HEIGHT - PAD.top - PAD.bottom);
  const summary = points
    .map((p, i) => `Stage ${i + 1}, ${p.name}: ${feelingLabel(String(p.feeling))}`)
    .join('. ');
  return (
    <svg
      className="sg-curve"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-curve
    >
      <title id={`${id}-title`}>How each stage felt</title>
      <desc id={`${id}-desc`}>{summary}.</desc>
      {FEELINGS.map((f) => (
        <g key={f.value}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(Number(f.value))}
            y2={y(Number(f.value))}
            className="sg-curve__grid"
          />
          <text
            x={PAD.left - 8}
            y={y(Number(f.value)) + 5}
            textAnchor="end"
            className="sg-curve__axis"
          >
            {f.label}
          </text>
        </g>
      ))}
      <polyline
        className="sg-curve__line"
        fill="none"
        points={points.map((p, i) => `${x(i)},${y(p.feeling)}`).join(' ')}
      />
      {points.map((p, i) => (
        <g key={i}>
          <circle
            cx={x(i)}
            cy={y(p.feeling)}
            r="9"
            className="sg-curve__point"
            data-stage={i + 1}
            data-feeling={p.feeling}
          />
          <text
            x={x(i)}
            y={HEIGHT - PAD.bottom + 28}
            textAnchor="middle"
            className="sg-curve__axis"
          >
            {i + 1}
          </text>
        </g>
      ))}
    </svg>
  );
}

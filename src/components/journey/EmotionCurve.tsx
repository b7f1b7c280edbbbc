import { FEELINGS, feelingLabel } from '../../forms/journeyMap.ts';

export interface CurvePoint {
  name: string;
  feeling: number;
}

/** One line of a combined curve: a label (for the legend) and an average feeling a stage. */
export interface CurveSeries {
  label: string;
  /** One value a stage, in stage order; null where the series has no value for that stage. */
  values: (number | null)[];
}

const WIDTH = 640;
const HEIGHT = 300;
// Room on the left for the longest label, "Neither good nor bad", at the axis text size.
const PAD = { left: 190, right: 24, top: 24, bottom: 48 };
const GAP = 28;

/** Where stage i of `count` sits: points start right of the labels, so none covers them. */
function stageX(i: number, count: number): number {
  const usable = WIDTH - PAD.left - GAP - PAD.right;
  return PAD.left + GAP + (count === 1 ? 0.5 : i / (count - 1)) * usable;
}

/** A stage's number under the curve, centred on its point. */
function StageNumber({ x, stage }: { x: number; stage: number }) {
  return (
    <text x={x} y={HEIGHT - PAD.bottom + 28} textAnchor="middle" className="sg-curve__axis">
      {stage}
    </text>
  );
}

/**
 * The emotion curve: one labelled point a stage, higher is better. The picture says nothing the
 * table beside it does not; its text alternative lists every stage and feeling too.
 */
export function EmotionCurve({
  points,
  id = 'curve',
  series,
  title = 'How each stage felt',
}: {
  points: CurvePoint[];
  id?: string;
  /** Several lines over the same stages (`points` then only names them), e.g. one per role. */
  series?: CurveSeries[];
  title?: string;
}) {
  if (series) return <MultiCurve stages={points.map((p) => p.name)} {...{ series, id, title }} />;
  const x = (i: number) => stageX(i, points.length);
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
      <title id={`${id}-title`}>{title}</title>
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
          <StageNumber x={x(i)} stage={i + 1} />
        </g>
      ))}
    </svg>
  );
}

/** Line patterns and point shapes: each series differs from the others without colour. */
const DASHES = [undefined, '12 6', '3 6', '14 5 3 5'];
const SHAPES = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangle-down',
  'plus',
  'pentagon',
  'star',
] as const;
/** Colours only add to the dash and shape (GOV.UK palette, all 3:1 or more against white). */
const COLOURS = [
  '#1d70b8',
  '#d4351c',
  '#00703c',
  '#4c2c92',
  '#b58840',
  '#912b88',
  '#28a197',
  '#505a5f',
];

const style = (i: number) => ({
  dash: DASHES[i % DASHES.length],
  shape: SHAPES[i % SHAPES.length],
  colour: COLOURS[i % COLOURS.length],
});

const polygon = (cx: number, cy: number, r: number, corners: number, turn = -Math.PI / 2) =>
  Array.from({ length: corners }, (_, k) => {
    const a = turn + (k * 2 * Math.PI) / corners;
    return `${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`;
  }).join(' ');

/** A point marker of the given shape centred on (cx, cy). */
export function Marker({
  shape,
  cx,
  cy,
  colour,
  ...data
}: {
  shape: (typeof SHAPES)[number];
  cx: number;
  cy: number;
  colour: string;
  [key: `data-${string}`]: string | number | undefined;
}) {
  const common = {
    className: 'sg-curve__marker',
    fill: colour,
    stroke: 'currentColor',
    strokeWidth: 2,
    ...data,
  };
  const r = 8;
  switch (shape) {
    case 'circle':
      return <circle cx={cx} cy={cy} r={r} {...common} />;
    case 'square':
      return (
        <rect x={cx - r + 1} y={cy - r + 1} width={2 * r - 2} height={2 * r - 2} {...common} />
      );
    case 'triangle':
      return <polygon points={polygon(cx, cy, r + 2, 3)} {...common} />;
    case 'triangle-down':
      return <polygon points={polygon(cx, cy, r + 2, 3, Math.PI / 2)} {...common} />;
    case 'diamond':
      return <polygon points={polygon(cx, cy, r + 1, 4)} {...common} />;
    case 'pentagon':
      return <polygon points={polygon(cx, cy, r + 1, 5)} {...common} />;
    case 'plus': {
      const a = 3;
      const b = r;
      const d = [
        [-a, -b],
        [a, -b],
        [a, -a],
        [b, -a],
        [b, a],
        [a, a],
        [a, b],
        [-a, b],
        [-a, a],
        [-b, a],
        [-b, -a],
        [-a, -a],
      ]
        .map(([x, y]) => `${cx + x},${cy + y}`)
        .join(' ');
      return <polygon points={d} {...common} />;
    }
    case 'star': {
      const outer = polygon(cx, cy, r + 2, 5).split(' ');
      const inner = polygon(cx, cy, (r + 2) / 2.4, 5, -Math.PI / 2 + Math.PI / 5).split(' ');
      return <polygon points={outer.flatMap((p, k) => [p, inner[k]]).join(' ')} {...common} />;
    }
  }
}

const one = (n: number) => (Math.round(n * 10) / 10).toString();

/**
 * Several curves over the same stages, one per series (for example one per participant role):
 * each with its own line pattern, point shape and colour, named in a legend under the picture.
 * The text alternative lists every series' value at every stage; a series with no value at a
 * stage has a gap in its line there.
 */
function MultiCurve({
  stages,
  series,
  id,
  title,
}: {
  stages: string[];
  series: CurveSeries[];
  id: string;
  title: string;
}) {
  // Every series' point sits on its stage's tick, so a point is read against the right stage;
  // where two series have the same value the shapes overlap, and the table and the text
  // alternative give both.
  const x = (i: number) => stageX(i, stages.length);
  const y = (feeling: number) => PAD.top + ((5 - feeling) / 4) * (HEIGHT - PAD.top - PAD.bottom);
  const summary = series
    .map(
      (line) =>
        `${line.label}: ` +
        stages
          .map((name, i) => {
            const v = line.values[i];
            return `stage ${i + 1}, ${name}, ${v === null || v === undefined ? 'no maps' : `average feeling ${one(v)} out of 5`}`;
          })
          .join('; '),
    )
    .join('. ');
  return (
    <div className="sg-curves" data-curves>
      <svg
        className="sg-curve"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}. Feelings go from 1, very bad, to 5, very good.</desc>
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
        {stages.map((_, i) => (
          <g key={i}>
            <line
              x1={x(i)}
              x2={x(i)}
              y1={PAD.top}
              y2={HEIGHT - PAD.bottom + 8}
              className="sg-curve__grid"
              data-tick={i + 1}
            />
            <StageNumber x={x(i)} stage={i + 1} />
          </g>
        ))}
        {series.map((line, s) => {
          const { dash, shape, colour } = style(s);
          // Runs of consecutive values: the line breaks where a series has no value.
          const runs: number[][] = [];
          line.values.forEach((v, i) => {
            if (v === null || v === undefined) return;
            const last = runs.at(-1);
            if (last && last.at(-1) === i - 1) last.push(i);
            else runs.push([i]);
          });
          return (
            <g key={s} data-series={line.label}>
              {runs
                .filter((run) => run.length > 1)
                .map((run, r) => (
                  <polyline
                    key={r}
                    className="sg-curve__series"
                    fill="none"
                    stroke={colour}
                    strokeWidth={3}
                    strokeDasharray={dash}
                    points={run.map((i) => `${x(i)},${y(line.values[i]!)}`).join(' ')}
                  />
                ))}
              {line.values.map((v, i) =>
                v === null || v === undefined ? null : (
                  <Marker
                    key={i}
                    shape={shape}
                    cx={x(i)}
                    cy={y(v)}
                    colour={colour}
                    data-stage={i + 1}
                    data-feeling={v}
                  />
                ),
              )}
            </g>
          );
        })}
      </svg>
      <ul className="govuk-list sg-curve-legend" aria-label="Key to the lines">
        {series.map((line, s) => {
          const { dash, shape, colour } = style(s);
          return (
            <li key={s}>
              <svg viewBox="0 0 60 20" width="60" height="20" aria-hidden="true" focusable="false">
                <line
                  className="sg-curve__series"
                  x1={2}
                  x2={58}
                  y1={10}
                  y2={10}
                  stroke={colour}
                  strokeWidth={3}
                  strokeDasharray={dash}
                />
                <Marker shape={shape} cx={30} cy={10} colour={colour} />
              </svg>{' '}
              {line.label}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

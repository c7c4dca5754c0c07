// Best hard and soft cost over solving time: a small live SVG line chart (two scales).
import type { CostPoint } from './jobProgress.ts';

const W = 360;
const H = 120;
const PAD = 6;

function line(points: CostPoint[], value: (p: CostPoint) => number, maxT: number): string {
  const maxV = Math.max(1, ...points.map(value));
  return points
    .map((p) => {
      const x = PAD + ((W - 2 * PAD) * p.elapsedMs) / maxT;
      const y = H - PAD - ((H - 2 * PAD) * value(p)) / maxV;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

export function CostChart({ points }: { points: CostPoint[] }): React.JSX.Element {
  if (points.length === 0)
    return <p className="muted small">The cost chart starts with the first solution.</p>;
  const maxT = Math.max(1, ...points.map((p) => p.elapsedMs));
  const last = points[points.length - 1];
  return (
    <figure className="cost-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={`Best cost so far: hard ${last.hard}, soft ${last.soft}`}
      >
        <rect x={0} y={0} width={W} height={H} className="chart-bg" />
        <polyline points={line(points, (p) => p.soft, maxT)} className="chart-soft" />
        <polyline points={line(points, (p) => p.hard, maxT)} className="chart-hard" />
      </svg>
      <figcaption className="small">
        <span className="key-hard">hard {last.hard}</span> <span className="key-soft">soft {last.soft}</span>{' '}
        <span className="muted">(each line on its own scale)</span>
      </figcaption>
    </figure>
  );
}

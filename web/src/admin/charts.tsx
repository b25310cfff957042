// Hand-drawn SVG charts: a stacked bar of where a room's seats are, and bars per day or film. Each chart
// carries its numbers in words too (a title and a table or list), so nothing is only in the picture.

export interface Part {
  label: string;
  value: number;
  kind: string;
}

/** One bar split into parts (sold, held, blocked, free), as wide as its box. */
export function StackedBar({ parts, title }: { parts: Part[]; title: string }) {
  const total = parts.reduce((s, p) => s + p.value, 0) || 1;
  let x = 0;
  return (
    <figure className="chart">
      <svg viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={title} className="stacked">
        {parts.map((p) => {
          const w = (p.value / total) * 100;
          const rect = <rect key={p.kind} x={x} y={0} width={w} height={10} className={`bar-${p.kind}`} />;
          x += w;
          return rect;
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {parts.map((p) => (
            <li key={p.kind}>
              <span className={`key bar-${p.kind}`} aria-hidden="true" /> {p.label}: {p.value}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export interface Bar {
  label: string;
  /** Parts of the bar, bottom to top. */
  parts: { kind: string; value: number }[];
  /** The bar's value in words (the sum, with its unit). */
  text: string;
}

/** Vertical bars, one per day or film, scaled to the largest. */
export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const height = 120;
  const width = Math.max(bars.length * 28, 140);
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((s, p) => s + p.value, 0)));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height + 4}`} role="img" aria-label={title} className="bars">
        {bars.map((bar, i) => {
          let y = height;
          return (
            <g key={bar.label}>
              <title>{`${bar.label}: ${bar.text}`}</title>
              {bar.parts.map((p) => {
                const h = (p.value / max) * height;
                y -= h;
                return (
                  <rect key={p.kind} x={i * 28 + 4} y={y} width={20} height={h} className={`bar-${p.kind}`} />
                );
              })}
            </g>
          );
        })}
        <line x1={0} x2={width} y1={height + 0.5} y2={height + 0.5} className="axis" />
      </svg>
    </figure>
  );
}

import { useId, type CSSProperties } from 'react'

export type ColumnChartProps = {
  title: string
  /** The text alternative: what the chart shows, in a sentence or two. */
  description: string
  /** The stacked parts of each column, bottom first; each has a Tailwind fill class (theme tokens). */
  series: { key: string; label: string; className: string }[]
  /** `sublabel` is a second line under the label (the year under a month). */
  columns: { label: string; sublabel?: string; values: Record<string, number> }[]
  /** Width of the drawing in its own units: the wider, the smaller its text once fitted to the page. */
  minWidth?: number
}

const HEIGHT = 220
const TOP = 18
const BOTTOM = 44
/** Room left of the plot for the scale's number: about 7 units a digit at 12px, and a gap. */
const leftOf = (max: number) => 12 + String(max).length * 7
/** Tenths of a unit are finer than any screen: shorter markup than 15 digits. */
const tenths = (n: number) => Math.round(n * 10) / 10

/**
 * Vertical columns, stacked by series, drawn as SVG (incidents per month by severity).
 * Long runs label every few columns; the numbers are in a table beside it.
 */
export function ColumnChart({ title, description, series, columns, minWidth = 460 }: ColumnChartProps) {
  const id = useId()
  const totals = columns.map((c) => series.reduce((sum, s) => sum + (c.values[s.key] ?? 0), 0))
  const max = Math.max(1, ...totals)
  const left = leftOf(max)
  // Narrow charts draw their text larger once scaled to the page: few columns, a small canvas.
  const width = Math.max(minWidth, columns.length * 46 + left)
  const plot = HEIGHT - TOP - BOTTOM
  const step = (width - left) / Math.max(1, columns.length)
  const every = Math.ceil(columns.length / 16)
  // Each series' rectangles, bottom first: x, y, then width, height, back, closed.
  const parts: Record<string, string> = Object.fromEntries(series.map((s) => [s.key, '']))
  columns.forEach((column, i) => {
    let y = HEIGHT - BOTTOM
    const x = tenths(left + i * step + step * 0.15)
    const w = tenths(step * 0.7)
    for (const s of series) {
      const h = ((column.values[s.key] ?? 0) / max) * plot
      if (!h) continue
      y -= h
      parts[s.key] += `M${x} ${tenths(y)}h${w}v${tenths(h)}h${-w}z`
    }
  })
  return (
    <figure className="grid gap-2">
      {/* On a phone the chart scrolls sideways rather than shrink its labels past reading. */}
      <div className="scroll-x" tabIndex={0} role="group" aria-label={title}>
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          // 70% of its drawn width on screen; on paper the page's width.
          className="h-auto w-full min-w-(--chart-min-w) text-foreground print:min-w-0"
          style={{ '--chart-min-w': `${Math.round(width * 0.7)}px` } as CSSProperties}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          <line x1={left} x2={width} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} className="stroke-border" />
          <text
            x={left - 6}
            y={TOP}
            textAnchor="end"
            dominantBaseline="middle"
            className="fill-muted-foreground text-[12px]"
          >
            {max}
          </text>
          <line x1={left} x2={width} y1={TOP} y2={TOP} className="stroke-border" strokeDasharray="3 3" />
          {/* One path per series, a rectangle for each column it is part of: a few elements, not one per part. */}
          {series.map((s) => (
            <path key={s.key} d={parts[s.key]} className={s.className} />
          ))}
          {columns.map((column, i) => {
            const mid = tenths(left + i * step + step / 2)
            return (
              <g key={`${column.label}-${i}`}>
                {totals[i] ? (
                  <text
                    x={mid}
                    y={tenths(HEIGHT - BOTTOM - (totals[i] / max) * plot - 4)}
                    textAnchor="middle"
                    className="fill-muted-foreground text-[12px]"
                  >
                    {totals[i]}
                  </text>
                ) : null}
                {i % every === 0 ? (
                  <text
                    x={mid}
                    y={HEIGHT - BOTTOM + 16}
                    textAnchor="middle"
                    className="fill-current text-[12px]"
                  >
                    {column.label}
                    {column.sublabel ? (
                      <tspan x={mid} dy={15} className="fill-muted-foreground">
                        {column.sublabel}
                      </tspan>
                    ) : null}
                  </text>
                ) : null}
              </g>
            )
          })}
        </svg>
      </div>
      {series.length > 1 ? (
        <figcaption className="flex flex-wrap gap-3 text-xs text-muted-foreground">
          {series.map((s) => (
            <span key={s.key} className="inline-flex items-center gap-1">
              <svg viewBox="0 0 10 10" className="size-3" aria-hidden>
                <rect width="10" height="10" className={s.className} />
              </svg>
              {s.label}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  )
}

import { useId } from 'react'

export type ColumnChartProps = {
  title: string
  /** The text alternative: what the chart shows, in a sentence or two. */
  description: string
  /** The stacked parts of each column, bottom first; each has a Tailwind fill class (theme tokens). */
  series: { key: string; label: string; className: string }[]
  columns: { label: string; values: Record<string, number> }[]
}

const HEIGHT = 200
const TOP = 16
const BOTTOM = 40
const LEFT = 32

/**
 * Vertical columns, stacked by series, drawn on the server (incidents per month by severity, a
 * histogram). Long runs label every few columns; the numbers are in the table beside it.
 */
export function ColumnChart({ title, description, series, columns }: ColumnChartProps) {
  const id = useId()
  const width = Math.max(600, columns.length * 22 + LEFT)
  const totals = columns.map((c) => series.reduce((sum, s) => sum + (c.values[s.key] ?? 0), 0))
  const max = Math.max(1, ...totals)
  const plot = HEIGHT - TOP - BOTTOM
  const step = (width - LEFT) / Math.max(1, columns.length)
  const every = Math.ceil(columns.length / 12)
  return (
    <figure className="grid gap-2">
      <svg
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="h-auto w-full text-foreground"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={LEFT} x2={width} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} className="stroke-border" />
        <text
          x={LEFT - 6}
          y={TOP}
          textAnchor="end"
          dominantBaseline="middle"
          className="fill-muted-foreground text-[11px]"
        >
          {max}
        </text>
        <line x1={LEFT} x2={width} y1={TOP} y2={TOP} className="stroke-border" strokeDasharray="3 3" />
        {columns.map((column, i) => {
          let y = HEIGHT - BOTTOM
          const x = LEFT + i * step + step * 0.15
          return (
            <g key={`${column.label}-${i}`}>
              {series.map((s) => {
                const h = ((column.values[s.key] ?? 0) / max) * plot
                if (!h) return null
                y -= h
                return <rect key={s.key} x={x} y={y} width={step * 0.7} height={h} className={s.className} />
              })}
              {totals[i] ? (
                <text
                  x={x + step * 0.35}
                  y={y - 4}
                  textAnchor="middle"
                  className="fill-muted-foreground text-[10px]"
                >
                  {totals[i]}
                </text>
              ) : null}
              {i % every === 0 ? (
                <text
                  x={x + step * 0.35}
                  y={HEIGHT - BOTTOM + 14}
                  textAnchor="middle"
                  className="fill-current text-[11px]"
                >
                  {column.label}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
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

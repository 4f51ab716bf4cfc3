import { useId } from 'react'
import { tenths } from './column-chart'

export type BarChartProps = {
  title: string
  /** The text alternative: what the chart shows, in a sentence or two. */
  description: string
  bars: { label: string; value: number }[]
  /** A Tailwind fill class for the bars (theme tokens). */
  barClassName?: string
}

const WIDTH = 420
const LABEL = 140
const ROW = 28

/** Horizontal bars, one per label, drawn on the server. The numbers are in the table beside it. */
export function BarChart({ title, description, bars, barClassName = 'fill-primary' }: BarChartProps) {
  const id = useId()
  const max = Math.max(1, ...bars.map((b) => b.value))
  const height = bars.length * ROW + 8
  const span = WIDTH - LABEL - 40
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      className="h-auto w-full max-w-2xl text-foreground"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, i) => {
        const y = i * ROW + 4
        const w = tenths((bar.value / max) * span)
        const label = bar.label.length > 16 ? `${bar.label.slice(0, 15)}…` : bar.label
        return (
          <g key={`${bar.label}-${i}`}>
            <text
              x={LABEL - 8}
              y={y + ROW / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="fill-current text-[13px]"
            >
              {label}
            </text>
            <rect
              x={LABEL}
              y={y + 3}
              width={Math.max(w, bar.value ? 2 : 0)}
              height={ROW - 8}
              rx={2}
              className={barClassName}
            />
            <text
              x={LABEL + w + 6}
              y={y + ROW / 2}
              dominantBaseline="middle"
              className="fill-muted-foreground text-[13px]"
            >
              {bar.value}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

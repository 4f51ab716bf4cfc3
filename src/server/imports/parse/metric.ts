import type { ParsedPostmortem } from '../parsed-retro'
import { alternation } from './vocabulary'

/* A before/after figure ("mq上报速度为0.6/s" … "增至80/s"; "2.4 s → 85 ms") for the verification. */

const UNIT = String.raw`(?:\/s|\/min|qps|rps|ms|s|秒|分钟|%|条\/秒)`
const NUMBER = new RegExp(String.raw`(\d+(?:\.\d+)?)\s*(${UNIT})`, 'gi')

/** "0.6/s → 80/s": after from the verification, before from the same unit earlier in the retro. */
export function findMetric(pm: ParsedPostmortem): ParsedPostmortem['metric'] {
  const arrow = new RegExp(
    String.raw`(\d+(?:\.\d+)?\s*${UNIT})\s*(?:→|->|=>|到|to)\s*(\d+(?:\.\d+)?\s*${UNIT})`,
    'i',
  ).exec(pm.verification)
  if (arrow)
    return {
      label: labelBefore(pm.verification, arrow.index),
      before: arrow[1]!.replace(/\s+/g, ''),
      after: arrow[2]!.replace(/\s+/g, ''),
    }
  const after = new RegExp(
    String.raw`(?:${alternation('metricAfter')})\s*(\d+(?:\.\d+)?)\s*(${UNIT})`,
    'i',
  ).exec(pm.verification)
  if (!after) return null
  const unit = after[2]!.toLowerCase()
  const earlier = [
    pm.symptom,
    ...pm.timeline.map((e) => e.text),
    ...pm.hypotheses.map((h) => h.evidence),
  ].join('\n')
  const before = [...earlier.matchAll(NUMBER)].filter((m) => m[2]!.toLowerCase() === unit).at(-1)
  if (!before) return null
  return {
    label: labelBefore(earlier, before.index!),
    before: `${before[1]}${before[2]}`,
    after: `${after[1]}${after[2]}`,
  }
}

/** "mq上报速度为0.6/s" → "mq上报速度"; "Search p95 dropped from 2.4 s" → "Search p95". */
function labelBefore(text: string, index: number): string {
  const head = text
    .slice(Math.max(0, index - 30), index)
    .replace(new RegExp(`(?:\\s*(?:${alternation('metricLabelEnd')}))+\\s*$`, 'iu'), '')
  return (
    /((?:[A-Za-z0-9]+\s+){0,2}[A-Za-z0-9]+|[\p{Script=Han}A-Za-z0-9]{1,12})\s*$/u.exec(head)?.[1]?.trim() ??
    ''
  )
}

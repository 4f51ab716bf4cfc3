import type { RootContent } from 'mdast'
import type { FrontMatter } from './front-matter'
import { markdown } from './markdown'
import { findDate } from './timestamps'
import { FACT_KEYS, isCueLabel } from './vocabulary'

/*
 * Facts a retro states in labelled lines above its story instead of front matter, as most
 * templates write them: "**Severity:** P2 (Service Degraded)", "**Date:** November 15, 2024",
 * "影响服务：支付网关、订单", "| Severity | SEV1 |". They are read as front matter would be (the
 * real front matter wins).
 */

/** "Label: value" pairs of the leading blocks: paragraph lines, list items, two-column table rows, quotes. */
function pairs(nodes: RootContent[]): [label: string, value: string][] {
  const out: [string, string][] = []
  const line = (text: string) => {
    const m = /^\s*([^:：]{1,40}?)\s*[:：]\s*(.{1,300})$/u.exec(text.replace(/[*_`]/g, '').replace(/\\$/, ''))
    if (m) out.push([m[1]!.trim(), m[2]!.trim()])
  }
  for (const node of nodes) {
    if (node.type === 'table')
      for (const row of node.children) {
        const cells = row.children.map((c) =>
          markdown(c.children as RootContent[])
            .replace(/[*_`]/g, '')
            .trim(),
        )
        if (cells.length === 2 && cells[0] && cells[1]) out.push([cells[0], cells[1]])
      }
    else if (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote')
      for (const text of markdown([node]).split('\n')) line(text.replace(/^\s*(?:[-*+]|>)\s*/, ''))
  }
  return out
}

/** "## Date⏎⏎2015-10-21": a section that holds one short fact, named by its heading. */
function headedPairs(nodes: RootContent[]): [label: string, value: string][] {
  return nodes.flatMap((node, i): [string, string][] => {
    const next = nodes[i + 1]
    if (node.type !== 'heading' || next?.type !== 'paragraph') return []
    const value = markdown([next]).replace(/[*_`]/g, '').trim()
    return value.length <= 200
      ? [
          [
            markdown(node.children as RootContent[])
              .replace(/[*_`]/g, '')
              .trim(),
            value,
          ],
        ]
      : []
  })
}

/** The facts the labelled lines before the first section, or sections of one short fact, state, as front matter. */
export function labelledFacts(nodes: RootContent[], offset: number): FrontMatter {
  const leading: RootContent[] = []
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth > 1) break
    if (node.type !== 'heading') leading.push(node)
  }
  const facts: FrontMatter = {}
  for (const [label, value] of [...pairs(leading), ...headedPairs(nodes)]) {
    const found = FACT_KEYS.find(([, cue]) => isCueLabel(label, cue))
    if (!found || found[0] in facts) continue
    const [key] = found
    if (key === 'date') {
      const day = findDate(value, offset)
      if (day) facts.date = day
    } else if (key === 'services') facts.services = value.replace(/\s*[(（][^)）]*[)）]/gu, '')
    else facts[key] = value
  }
  return facts
}

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRetro } from './parse-retro'
import { parsedRetroSchema } from './schemas'

/** A small deterministic PRNG (mulberry32), so a failure reproduces. */
function random(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const seedText = readFileSync(
  path.join(import.meta.dirname, 'fixtures', 'launch-retro-mobile-alliance-1.1.zh.md'),
  'utf8',
)
const english = readFileSync(path.join(import.meta.dirname, 'fixtures', 'sre-style.en.md'), 'utf8')
const fragments = [
  '# ',
  '## ',
  '#### ',
  '###### ',
  '问题现象',
  '可能原因',
  '问题排查',
  'Root cause',
  'Action items',
  '\n',
  '\n\n',
  '1. ',
  '- ',
  '  - ',
  '| a | b |\n| --- | --- |\n| x | y |\n',
  '<script>alert(1)</script>',
  '<div>',
  '```\ncode\n```',
  '针对可能原因1，',
  '3排除',
  '怀疑是否是',
  '确定就是',
  '0.6/s',
  '增至80/s',
  '待',
  '---\ntitle: x\n---\n',
  '> quote',
  '**',
  '[link](javascript:alert(1))',
  '😀',
  '\u0000',
  '：',
  '？',
]

function mutate(next: () => number, text: string): string {
  const chars = [...text]
  const edits = Math.floor(next() * 20)
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (chars.length + 1))
    const op = next()
    if (op < 0.4) chars.splice(at, 0, ...fragments[Math.floor(next() * fragments.length)]!)
    else if (op < 0.7) chars.splice(at, Math.floor(next() * 40))
    else chars.splice(at, 0, String.fromCodePoint(Math.floor(next() * 0x2ffff)))
  }
  return chars.join('')
}

function generated(next: () => number): string {
  const parts: string[] = []
  const n = Math.floor(next() * 60)
  for (let i = 0; i < n; i++) parts.push(fragments[Math.floor(next() * fragments.length)]!)
  return parts.join(next() < 0.5 ? '' : '\n')
}

describe('parseRetro fuzzing', () => {
  it('never throws or hangs, and what it reads is always a retro the server accepts back from the preview', () => {
    const next = random(20261125)
    for (let i = 0; i < 1500; i++) {
      const base = i % 3 === 0 ? seedText : i % 3 === 1 ? english : ''
      const doc = base ? mutate(next, base) : generated(next)
      const parsed = parseRetro(doc)
      // The browser sends the preview back for saving: it must pass the same check as any input.
      const accepted = parsedRetroSchema.safeParse(parsed)
      expect(accepted.error?.issues.slice(0, 2) ?? [], `document ${i}`).toEqual([])
      for (const pm of parsed.postmortems)
        for (const entry of pm.timeline)
          if (entry.hypothesis !== null)
            expect(pm.hypotheses[entry.hypothesis], `document ${i}`).toBeDefined()
    }
    // The unit project's time limit is the hang guard (a hang would exceed it by far): no limit
    // of its own, which a busy machine (CI runs stages side by side) reached without any hang.
  })

  it('handles 10,000 nested lists and raw HTML without throwing', () => {
    const nested = Array.from(
      { length: 10_000 },
      (_, i) => `${'  '.repeat(Math.min(i, 200))}- item ${i}`,
    ).join('\n')
    expect(() => parseRetro(`# Deep\n\n## Timeline\n${nested}\n`)).not.toThrow()
    const html = parseRetro('# X\n\n## Symptoms\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n')
    expect(html.postmortems[0]!.symptom).toContain('<script>') // kept as text; rendering sanitizes it
  })
})

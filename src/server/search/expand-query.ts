import glossary from './glossary.json'

const groups = glossary.groups.map((group) => group.map((phrase) => phrase.toLowerCase()))
/** Latin words of the glossary: known words, never taken for typos ("cache" with no English retro). */
export const glossaryWords = new Set(
  groups.flat().flatMap((phrase) => phrase.match(/\p{Script=Latin}+/gu) ?? []),
)
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Finds a phrase in the query: Chinese anywhere, English as whole words. */
function locate(query: string, phrase: string): RegExp | null {
  const re = /^[\p{Script=Han}]+$/u.test(phrase)
    ? new RegExp(escape(phrase))
    : new RegExp(`(?<![\\p{Script=Latin}])${escape(phrase)}(?![\\p{Script=Latin}])`, 'iu')
  return re.test(query) ? re : null
}

/**
 * The query in the other language(s), by the glossary: "主从延迟" → "replication lag",
 * "replica lag"; "uid 索引" → "uid index". Longest phrases first, so 主从延迟 wins over 主从.
 * At most `max` alternatives; the original is not among them.
 */
export function expandQuery(query: string, max = 4): string[] {
  const out = new Set<string>()
  const phrases = groups
    .flatMap((group) => group.map((phrase) => ({ phrase, group })))
    .sort((a, b) => b.phrase.length - a.phrase.length)
  const used: string[] = []
  for (const { phrase, group } of phrases) {
    if (used.some((u) => u.includes(phrase))) continue
    const re = locate(query, phrase)
    if (!re) continue
    used.push(phrase)
    for (const other of group) if (other !== phrase) out.add(query.replace(re, other))
    if (out.size >= max) break
  }
  out.delete(query)
  return [...out].slice(0, max)
}

/**
 * The glossary phrases, in the other language(s), of those a longer text contains: "the cache
 * showed stale data" → 缓存, 未更新. For similar incidents, where any word may match.
 */
export function translations(text: string): string[] {
  const out = new Set<string>()
  for (const group of groups)
    if (group.some((phrase) => locate(text, phrase))) for (const p of group) out.add(p)
  for (const phrase of groups.flat()) if (locate(text, phrase)) out.delete(phrase)
  return [...out]
}

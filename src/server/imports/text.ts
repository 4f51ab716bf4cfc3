/** The text without its fenced code blocks (code is no prose to read sentences from). */
export const withoutCode = (text: string) => text.replace(/```[\s\S]*?```/g, '')

/** Sentences of the prose of a text: fenced code left out. */
export const proseSentences = (text: string) => sentences(withoutCode(text))

/**
 * Sentences of the prose of a text, each fenced block standing in as the first of its lines that
 * `says` something (as inline code), or as nothing: a log run into a sentence would lose its lines
 * and leave its fence in the middle of the text. The fence's info counts as a line when it is
 * words ("```Error: Unknown storage provider"), not a language ("```console"). Fences of ``` or
 * ~~~ and longer; real retros close them loosely (a run of three or more of the same mark, even
 * at a line's end) or not at all (the block then runs to the end).
 */
export function sentencesAndCodeLines(text: string, says: (line: string) => boolean): string[] {
  const out: string[] = []
  // The quote marker a quoted fence opens after ("> ```") is no sentence.
  const prose = (part: string) => sentences(part).filter((s) => /[^>\s]/.test(s))
  let at = 0
  for (const block of text.matchAll(/(`|~)\1{2,}([^\n`]*)\n?([\s\S]*?)(?:\1{3,}|$)/g)) {
    out.push(...prose(text.slice(at, block.index)))
    at = block.index + block[0].length
    const info = block[2]!.trim()
    const lines = [...(/\s/.test(info) ? [info] : []), ...block[3]!.split('\n')]
      .map((line) => line.replace(/^(?:\s*>)+/, '').trim())
      .filter((line) => line && !line.includes('`'))
    const line = lines.find(says)
    if (line) out.push(`\`${line}\``)
  }
  out.push(...prose(text.slice(at)))
  return out
}

/** Sentences of Chinese or English prose (keeps the terminator). */
export function sentences(text: string): string[] {
  return unwrap(text)
    .split(/(?<=[。！？；;!?])\s*|(?<=[a-z0-9)"'”][.])\s+(?=[A-Z])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/**
 * Prose hard-wrapped at a fixed width ("we experienced a major service outage for one of our⏎
 * products"): a Latin line that stops mid-sentence continues on the next Latin line, unless
 * that one starts a list item, a quote, a table row or a heading (Markdown reads it so too). A
 * line that ends in two spaces ends there: that is Markdown's hard line break.
 */
export const unwrap = (text: string) =>
  text.replace(
    /([\p{Script=Latin}\p{N},;)\]`*_])[ \t]?\n(?![ \t]*(?:[-*+>#|]|\d+[.)]\s))(?=[ \t]*[\p{Script=Latin}\p{N}(["'`*_])/gu,
    '$1 ',
  )

/** Tokens for similarity: Chinese character bigrams plus lower-case Latin words and numbers. */
export function tokens(text: string): Set<string> {
  const out = new Set<string>()
  for (const run of text.toLowerCase().match(/[\p{Script=Han}]+|[a-z0-9]+/gu) ?? []) {
    if (/^[a-z0-9]+$/.test(run)) {
      if (run.length > 1) out.add(run)
      continue
    }
    if (run.length === 1) out.add(run)
    for (let i = 0; i < run.length - 1; i++) out.add(run.slice(i, i + 2))
  }
  return out
}

/** How many tokens two texts share. */
export function overlap(a: string, b: string): number {
  const tb = tokens(b)
  let n = 0
  for (const t of tokens(a)) if (tb.has(t)) n++
  return n
}

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
}
export function toNumber(token: string): number | null {
  const ascii = token.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  if (/^\d{1,2}$/.test(ascii)) return Number(ascii)
  return CHINESE_DIGITS[token] ?? null
}

/**
 * "Status: final", "**恢复时间**：2025-09-07 11:02", "Internal post-mortem: https://…": a short
 * labelled fact, not a sentence of the story.
 */
export function isMetaLine(line: string): boolean {
  const text = line.trim()
  return (
    (/^[*_]*[\p{L}][\p{L} /_-]{0,24}[*_]*[:：][*_]*\s*\S.{0,40}$/u.test(text) &&
      !/[。.!?！？]$/.test(text)) ||
    /^[*_]*[\p{L}][\p{L} /_-]{0,24}[*_]*[:：][*_]*\s*(?:<?https?:\/\/\S+?>?|\[[^\]]{1,60}\]\(\S+\))$/u.test(
      text,
    )
  )
}

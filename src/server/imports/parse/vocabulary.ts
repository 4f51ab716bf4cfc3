import vocabulary from '../vocabulary.json'

/*
 * The importer's words (vocabulary.json): section headings per field and the cue words every
 * recogniser looks for. Code reads them only through here, so a team extends the file, not
 * the code.
 */

export type Field = keyof typeof vocabulary.sections
export type Cue = keyof typeof vocabulary.cues

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The cue phrases, lower case. */
export const cues = (cue: Cue): string[] => vocabulary.cues[cue].map((p) => p.toLowerCase())

/**
 * A pattern built from the vocabulary on first use, then kept: building one (kilobytes of
 * alternatives) costs ten times what matching it costs, and recognisers run once per sentence.
 * A global (`g`) one kept here must not be used with `test` or `exec`, whose `lastIndex` carries over.
 */
export function kept(make: () => RegExp): () => RegExp {
  let re: RegExp | undefined
  return () => (re ??= make())
}

/** True when the text contains one of the cue phrases (case-insensitive; Latin ones as whole words). */
export function hasCue(text: string, cue: Cue): boolean {
  return cuePattern(cue).test(text)
}

/** A regular expression source matching any phrase of the cue: Latin phrases as whole words, longest first. */
const alternations = new Map<Cue, string>()
export function alternation(cue: Cue): string {
  const known = alternations.get(cue)
  if (known !== undefined) return known
  const source = cues(cue)
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const body = escape(p).replace(/\s+/g, '\\s+')
      const start = /^[a-z0-9]/.test(p) ? '(?<![a-z0-9])' : ''
      const end = /[a-z0-9]$/.test(p) ? '(?![a-z0-9])' : ''
      return `${start}${body}${end}`
    })
    .join('|')
  alternations.set(cue, source)
  return source
}

/** A pattern per cue around its alternation, built on the cue's first use and kept (as kept() does). */
function perCue(around: (alternatives: string) => string, flags: string): (cue: Cue) => RegExp {
  const built = new Map<Cue, RegExp>()
  return (cue) => {
    let re = built.get(cue)
    if (!re) built.set(cue, (re = new RegExp(around(alternation(cue)), flags)))
    return re
  }
}

/** One compiled, case-insensitive pattern per cue. */
export const cuePattern = perCue((alternatives) => `(?:${alternatives})`, 'iu')

const globalPattern = perCue((alternatives) => `(?:${alternatives})`, 'giu')
/** The cue's pattern, global (for replacing every occurrence). */
function cueGlobal(cue: Cue): RegExp {
  const re = globalPattern(cue)
  re.lastIndex = 0
  return re
}

const labelPattern = perCue((alternatives) => `^(?:${alternatives})$`, 'iu')
/** True when the label is one of the cue's phrases, whole ("Severity", "影响服务"), a trailing colon aside. */
export const isCueLabel = (label: string, cue: Cue): boolean =>
  labelPattern(cue).test(label.replace(/[:：]\s*$/, '').trim())

const openingPattern = perCue((alternatives) => `^[*_\\s]*(?:${alternatives})`, 'iu')
/** True when the sentence opens with one of the cue's phrases (emphasis marks aside). */
export const opensWithCue = (sentence: string, cue: Cue): boolean => openingPattern(cue).test(sentence)

/** "TODO", "Not much.", "暂无": an entry left to be written, not an entry. */
export const isPlaceholder = (text: string) =>
  isCueLabel(text.replace(/[*_`]/g, '').replace(/[.。!！]+$/u, ''), 'placeholder')

/** The facts a retro may state in labelled lines instead of front matter, and the labels that name each. */
export const FACT_KEYS = [
  ['severity', 'severityKey'],
  ['date', 'dateKey'],
  ['services', 'servicesKey'],
  ['tags', 'tagsKey'],
] as const satisfies readonly (readonly [string, Cue])[]

/** The heading text without numbering, Markdown marks or trailing punctuation. */
export const normalizeHeading = (heading: string) =>
  heading
    .toLowerCase()
    // "📖 Lessons Learned", "What Went Well ✅": pictures decorate a heading, they do not name it.
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{20E3}]/gu, '')
    .replace(/[*_`]/g, '')
    // "1.", "1.1", "(2)", "一、", "第三章", "#", "-": numbering, not words.
    .replace(
      /^(?:[\s\d.、)）(（#*\-–—:：]|[一二三四五六七八九十]+(?=[、.．)）:：\s])|第[一二三四五六七八九十\d]+[章节部分步]?)+(?=\S)/u,
      '',
    )
    .replace(/[\s:：.。?？!！]+$/, '')
    .trim()

const phrases = Object.entries(vocabulary.sections)
  .flatMap(([field, list]) => list.map((phrase) => ({ field: field as Field, phrase: phrase.toLowerCase() })))
  .sort((a, b) => b.phrase.length - a.phrase.length)

/** How sure a heading match is: the whole heading, a known start, or most of it. */
export type HeadingMatch = { field: Field; sure: boolean }

const isHan = (s: string) => /\p{Script=Han}/u.test(s)
const size = (s: string) => (isHan(s) ? s.replace(/[^\p{Script=Han}]/gu, '').length : s.split(/\s+/).length)

/** The part of a postmortem a heading names, or null. */
export function matchHeading(heading: string): HeadingMatch | null {
  // "Root cause of the outage", "本次故障的原因": the incident itself is not part of the name.
  const text = normalizeHeading(heading).replace(cueGlobal('headingNoise'), ' ').replace(/\s+/g, ' ').trim()
  if (!text) return null
  const exact = phrases.find((p) => p.phrase === text)
  if (exact) return { field: exact.field, sure: true }
  // "Root cause: config drift", "Timeline (UTC)", "经验教训 —— 写给未来": a known phrase, then punctuation.
  const prefixed = phrases.find(
    (p) => text.startsWith(p.phrase) && /^\s*[:：(（\-–—/|,，、]/.test(text.slice(p.phrase.length)),
  )
  if (prefixed) return { field: prefixed.field, sure: true }
  // "总结与展望", "Root cause and fix": the first of two joined parts names it.
  const [part, other] = text.split(/\s*(?:与|和|及|以及|&|\/|\+|、|\band\b)\s*/)
  if (other !== undefined && part) {
    const first = phrases.find((p) => p.phrase === part)
    if (first) return { field: first.field, sure: false }
  }
  // "Lessons learned from the outage", "故障原因分析": a phrase that is most of a short heading.
  if (size(text) > 8) return null
  const contained = phrases.find((p) => {
    const at = text.indexOf(p.phrase)
    if (at < 0) return false
    if (!isHan(p.phrase) && !new RegExp(`(?<![a-z])${escape(p.phrase)}(?![a-z])`).test(text)) return false
    // "Lessons learned from the outage": a known phrase of several words opens the heading.
    if (at === 0 && !isHan(p.phrase) && p.phrase.includes(' ')) return true
    return p.phrase.length / text.length >= 0.5
  })
  return contained ? { field: contained.field, sure: false } : null
}

/** The part of a postmortem a heading names, or null. */
export const classifyHeading = (heading: string): Field | null => matchHeading(heading)?.field ?? null

/** Each contributing-factor key (a word a factor's name contains) and the words that suggest it. */
export const factorTerms = (): [key: string, words: string[]][] =>
  Object.entries(vocabulary.factors)
    .filter(([key]) => !key.startsWith('$'))
    .map(([key, words]) => [key.toLowerCase(), (words as string[]).map((w) => w.toLowerCase())])

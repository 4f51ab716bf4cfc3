import 'server-only'
import { Jieba } from '@node-rs/jieba'
import { dict, idf } from '@node-rs/jieba/dict.js'
import glossary from './glossary.json'
import stopwords from './stopwords.json'
import { queryTerms, toTsQuery, type QueryTerm, type TsQueryOptions } from './tokenize'

/*
 * A query written as a sentence ("engineer wiped the primary instead of the replica",
 * "备库每隔几小时就追不上主库") rarely has every word in one postmortem; a text being written
 * (similar incidents) never does. Their concepts are what search looks for then: each glossary
 * phrase (with the group's other phrases, so 主库 also finds "primary"), each other English word
 * that is not a stop word, and each Chinese word (segmented by jieba's dictionary, which knows the
 * glossary's phrases too) that is not a function word. Postmortems are ranked by the concepts they
 * share, the rarer the better (rank-concepts.ts). The index is unchanged: a Chinese word is a
 * phrase of the bigrams it holds, as a typed query is.
 */

export type Concept = {
  /** As written in the query. */
  text: string
  /** The ways the concept may be written, each as query terms (all required): one, or a glossary group. */
  forms: QueryTerm[][]
  /** How much the concept says, before its rarity: a word 1, a single Chinese character half. */
  weight: number
  /** How many times the text says it. */
  count: number
}

const english = new Set(stopwords.english)
const isStopWord = (t: QueryTerm) => t.kind === 'word' && english.has(t.text.toLowerCase())
const chinese = new Set(stopwords.chinese)
const groups = glossary.groups.map((group) => group.map((phrase) => phrase.toLowerCase()))
const groupOf = new Map(groups.flatMap((group) => group.map((phrase) => [phrase, group] as const)))
const hasLatin = (phrase: string) => /[\p{Script=Latin}\p{N}]/u.test(phrase)

/** Glossary phrases with Latin letters or digits (English, or mixed: ssl证书), by first character, longest first. */
const byFirst = new Map<string, { phrase: string; group: string[] }[]>()
for (const group of groups)
  for (const phrase of group.filter(hasLatin))
    byFirst.set(phrase[0]!, [...(byFirst.get(phrase[0]!) ?? []), { phrase, group }])
for (const list of byFirst.values()) list.sort((a, b) => b.phrase.length - a.phrase.length)
const wordChar = (c: string | undefined) => !!c && /[\p{Script=Latin}\p{N}]/u.test(c)

/**
 * The English (or mixed) glossary phrases in a lower-case text, leftmost and longest first, never
 * overlapping; an English end of a phrase must end a word ("cert" is not in "certbot"). One pass
 * over the text, no pattern per phrase.
 */
export function latinGlossaryPhrases(text: string): { start: number; end: number; group: string[] }[] {
  const out: { start: number; end: number; group: string[] }[] = []
  for (let i = 0; i < text.length;) {
    const found = (byFirst.get(text[i]!) ?? []).find(
      ({ phrase }) =>
        text.startsWith(phrase, i) &&
        !(wordChar(phrase[0]) && wordChar(text[i - 1])) &&
        !(wordChar(phrase.at(-1)) && wordChar(text[i + phrase.length])),
    )
    if (!found) {
      i++
      continue
    }
    out.push({ start: i, end: i + found.phrase.length, group: found.group })
    i += found.phrase.length
  }
  return out
}

/*
 * jieba's dictionary and its general idf, built the first time a question is read: about half a
 * second of work (the idf alone is 270,000 words), which the first launch review or search after
 * a start waited for. Kept on globalThis: Next bundles pages, route handlers and the start-up hook
 * as separate module graphs, and each would build its own. The start-up hook builds them once the
 * server is up (`loadDictionaries`).
 */
type Dictionaries = { weights?: Map<string, number>; segmenter?: Jieba }
const dictionaries = ((globalThis as { hindsightDictionaries?: Dictionaries }).hindsightDictionaries ??= {})

/** A word's weight by its idf over jieba's general corpus: from 0.2 (idf 4.5 or less) to 1 (8.5 or more). */
const weightOfIdf = (value: number) => Math.min(1, Math.max(0.2, (value - 3.5) / 5))

/**
 * The weights under 1, by word: 13,700 of jieba's 270,000 words. The others weigh 1, as a word
 * jieba does not know does (all of them in a Map took 35 MB).
 */
function generalWeights(): Map<string, number> {
  if (!dictionaries.weights) {
    const built = new Map<string, number>()
    for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
      const [w, value] = line.split(' ')
      const weight = w && value ? weightOfIdf(Number(value)) : 1
      if (weight < 1) built.set(w!, weight)
    }
    dictionaries.weights = built
  }
  return dictionaries.weights
}

/**
 * How much a Chinese word says in general, from 0.2 to 1, by its idf over jieba's general corpus:
 * 主要, 情况, 系统 little; 缓存, 死锁, 浏览器 a lot; a word jieba does not know (手滑, 闪退) a lot.
 * A small archive cannot tell a common word from a rare one by itself.
 */
export function chineseWordWeight(word: string): number {
  return generalWeights().get(word) ?? 1
}

/** jieba with its dictionary and the glossary's Chinese phrases as words (主从延迟 stays whole). */
function jieba(): Jieba {
  if (!dictionaries.segmenter) {
    const segmenter = Jieba.withDict(dict)
    const words = [...groupOf.keys()].filter((phrase) => /^\p{Script=Han}+$/u.test(phrase))
    segmenter.loadDict(Buffer.from(words.map((word) => `${word} 20000 n`).join('\n')))
    dictionaries.segmenter = segmenter
  }
  return dictionaries.segmenter
}

/** Builds the dictionaries now, instead of in the first request that reads a question. */
export function loadDictionaries() {
  generalWeights()
  jieba()
}

/**
 * Parts of speech that carry no meaning alone (jieba's tags): particles, prepositions, conjunctions,
 * pronouns, modal particles, interjections, onomatopoeia, punctuation.
 */
const FUNCTION_TAGS = /^(u|p|c|r|y|e|o|w|x$)/
/** Tags of single characters that say too little to search for: adverbs, numerals, measure and direction words. */
const WEAK_SINGLE_TAGS = /^(d|m|q|f|t)/

/**
 * The Chinese words of a run of Han characters that mean something: jieba's words, less function
 * words, each with the shorter dictionary words inside it (几小时 → 小时, 安卓版 → 安卓), which a
 * retro may use alone. A glossary phrase is whole: its group says the rest.
 */
export function chineseWords(run: string): { word: string; weight: number }[] {
  const out: { word: string; weight: number }[] = []
  for (const { word, tag } of jieba().tag(run, true)) {
    if (!/^\p{Script=Han}+$/u.test(word) || chinese.has(word)) continue
    const length = [...word].length
    if (groupOf.has(word)) out.push({ word, weight: 1 })
    else if (length === 1) {
      if (!FUNCTION_TAGS.test(tag) && !WEAK_SINGLE_TAGS.test(tag))
        out.push({ word, weight: chineseWordWeight(word) / 2 })
    } else if (!/^(u|p|c|r|y|e|o)/.test(tag)) {
      out.push({ word, weight: chineseWordWeight(word) })
      if (length > 2)
        for (const part of jieba().cutForSearch(word, false))
          if (part !== word && [...part].length > 1 && !chinese.has(part))
            out.push({ word: part, weight: chineseWordWeight(part) / 2 })
    }
  }
  return out
}

/**
 * The concepts of a query or a text, each once: English glossary phrases first (longest wins),
 * then English words, then the Chinese words of each run (a glossary phrase brings its group).
 * A typed query is read up to 200 characters; a text being written further.
 */
/**
 * A glossary phrase is an operations term by definition (缓存, replication lag): it says more
 * about an incident than a general word of the same rarity ("wrong", "showing"), which in a small
 * archive of mostly Chinese retros would otherwise look rare.
 */
const GLOSSARY_WEIGHT = 1.5

export function queryConcepts(query: string, { maxLength = 200 } = {}): Concept[] {
  const text = query.slice(0, maxLength).toLowerCase()
  const out = new Map<string, Concept>()
  const add = (concept: Concept) => {
    // Words of a sentence are whole words: their stems, not prefixes (back ≠ backup).
    const exact = concept.forms.map((form) =>
      form.map((t) => (t.kind === 'word' ? { ...t, exact: true } : t)),
    )
    // backup and backups are one form (one stem): keep each tsquery once.
    const forms = new Map(exact.map((form) => [toTsQuery(form) ?? '', form]))
    forms.delete('')
    const key = [...forms.keys()].sort().join('|')
    const known = out.get(key)
    if (known) known.count++
    else if (key) out.set(key, { ...concept, forms: [...forms.values()] })
  }
  const group = (written: string, phrases: string[]) =>
    add({
      text: written,
      forms: phrases.map((p) => queryTerms(p)).filter((f) => f.length),
      weight: GLOSSARY_WEIGHT,
      count: 1,
    })
  // What no glossary phrase took is read word by word: each phrase (in order, apart) is blanked
  // out, and the blanks keep the words around it apart.
  let rest = ''
  let at = 0
  for (const { start, end, group: phrases } of latinGlossaryPhrases(text)) {
    rest += text.slice(at, start) + ' '.repeat(end - start)
    at = end
    group(text.slice(start, end), phrases)
  }
  rest += text.slice(at)
  for (const term of queryTerms(rest, { maxLength: Infinity, maxTerms: Infinity })) {
    if (term.kind === 'word') {
      if (!isStopWord(term) && (term.text.length > 1 || /\d/.test(term.text)))
        add({ text: term.text, forms: [[term]], weight: 1, count: 1 })
      continue
    }
    for (const { word, weight } of chineseWords(term.text)) {
      const phrases = groupOf.get(word)
      if (phrases) group(word, phrases)
      else add({ text: word, forms: [queryTerms(word)], weight, count: 1 })
    }
  }
  return [...out.values()]
}

/** The tsquery that finds a concept in any of its forms; `options` restrict weights or prefixes. */
export function conceptTsQuery(concept: Concept, options: TsQueryOptions = {}): string {
  return concept.forms
    .map((form) => toTsQuery(form, options))
    .filter(Boolean)
    .map((q) => `(${q})`)
    .join(' | ')
}

/**
 * A query's English stop words as whole words, not prefixes ('the', not then, there, theme), when
 * it has other words: the word index gathers the postings of every word a prefix starts before it
 * checks one match, and `'the':*` starts nearly every English postmortem's words (decision 046).
 * A query of stop words only stays as typed.
 */
export function wholeStopWords(terms: QueryTerm[]): QueryTerm[] {
  if (terms.every(isStopWord)) return terms
  return terms.map((t) => (isStopWord(t) ? { ...t, exact: true } : t))
}

/**
 * The terms worth highlighting: without English stop words, unless the query is nothing else
 * ("the who" stays as typed). A query's stop words are still required by the search.
 */
export function meaningfulTerms(terms: QueryTerm[]): QueryTerm[] {
  const kept = terms.filter((t) => !isStopWord(t))
  return kept.length ? kept : terms
}

const generic = new Set(
  stopwords.generic.map((w) => queryTerms(w)[0]).map((t) => (t?.kind === 'word' ? t.stem : t?.text)),
)
/**
 * A concept nearly every retro has (stopwords.json → generic: dates, "incident", "users", 影响),
 * or a number: it says nothing about what an incident was like.
 */
export function isGeneric(concept: Concept): boolean {
  if (/^\d+(?:st|nd|rd|th|s|ms|h|m|k|gb|mb)?$/.test(concept.text)) return true
  const [form] = concept.forms
  if (concept.forms.length !== 1 || form?.length !== 1) return false
  const [term] = form
  return generic.has(term!.kind === 'word' ? term!.stem : term!.text)
}

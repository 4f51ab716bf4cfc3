import { proseSentences } from '../text'
import { cuePattern, hasCue, opensWithCue, type Cue } from './vocabulary'

/*
 * A root cause stated only in a sentence: "问题原因是…", "The root cause was …", "was caused
 * by …". Strong cues ("root cause", "根本原因") win over weak ones ("caused by", "由于"); the
 * sentences that carry the cue, from any of the texts (the first three: a blog often states
 * what it found on the way before its conclusion), are the root cause (each with the next one
 * when it continues it).
 */

export type Found = { text: string; sure: boolean }

const MAX_SENTENCES = 3

/**
 * The sentence states a cause: it carries the cue, and is neither a question ("为什么会这样呢？")
 * nor a search for the cause ("为了理解死锁的原因，…", "To analyse the root cause we use …").
 */
function states(sentence: string, cue: Cue): boolean {
  // "定位到 …，导致…" names the cause; "定位到 nginx 的配置在 /etc/nginx" only says where a file is.
  if (cue === 'rootCauseNamed' && !hasCue(sentence, cue))
    return (
      hasCue(sentence, 'rootCauseLocated') &&
      hasCue(sentence, 'rootCauseWeak') &&
      states(sentence, 'rootCauseLocated')
    )
  const at = sentence.search(cuePattern(cue))
  if (at < 0 || /[?？]\s*$/.test(sentence)) return false
  // "The issue was spotted on IE11 browsers", "the problem was reported at 14:02": when and how
  // it was seen or handled, not why it happened.
  const phrase = sentence.slice(at).match(cuePattern(cue))![0]
  if (/\b(?:was|is)$/i.test(phrase) && opensWithCue(sentence.slice(at + phrase.length), 'seenOrHandled'))
    return false
  const seeking = sentence.search(cuePattern('causeSought'))
  return seeking < 0 || seeking > at
}

export function rootCauseSentence(texts: string[]): Found | null {
  const found: string[] = []
  let sure = false
  // A sentence that names the root cause ("the root cause was", "根本原因是") comes before other
  // strong cues ("we discovered that"), which a story also uses for what it found on the way.
  for (const [cue, strong] of [
    ['rootCauseNamed', true],
    ['rootCauseStrong', true],
    ['rootCauseWeak', false],
  ] as const) {
    for (const text of texts) {
      const list = proseSentences(text)
      list.forEach((sentence, i) => {
        // A sentence that names the root cause may be long: it is the one place the story says it.
        const longest = cue === 'rootCauseNamed' ? 1000 : 400
        if (found.length >= MAX_SENTENCES || sentence.length > longest || !states(sentence, cue)) return
        // A heading-like fragment ("Root cause:") is not the cause itself: take what follows.
        // So is one the next sentence carries on ("All of these factors together meant …", "从而…").
        const next = list[i + 1]
        const continued =
          next !== undefined &&
          ((strong && opensWithCue(next, 'causeContinues')) || opensWithCue(next, 'refersBack'))
        const body =
          (sentence.replace(/[*_`]/g, '').length < 16 || continued) && next ? `${sentence} ${next}` : sentence
        if (!found.includes(body.trim())) found.push(body.trim())
        if (strong) sure = true
      })
    }
    if (found.length && cue !== 'rootCauseNamed') break
  }
  return found.length ? { text: found.join(' '), sure } : null
}

/**
 * Sentences anywhere in the texts that name the root cause ("分析慢查询日志确定…的根本原因是…",
 * "The root cause was …"): the author's own statement, wherever the story put it.
 */
export function namedCauses(texts: string[]): string[] {
  return texts.flatMap((text) =>
    proseSentences(text).filter(
      (sentence) =>
        sentence.length <= 1000 &&
        states(sentence, 'rootCauseNamed') &&
        sentence.replace(/[*_`]/g, '').length >= 16,
    ),
  )
}

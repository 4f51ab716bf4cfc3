import { sentences } from '../text'
import { cuePattern } from './vocabulary'

/*
 * A root cause stated only in a sentence: "问题原因是…", "The root cause was …", "was caused
 * by …". Strong cues ("root cause", "根本原因") win over weak ones ("caused by", "由于"); the
 * sentence that carries the cue is the root cause (with the next one when it continues it).
 */

export type Found = { text: string; sure: boolean }

export function rootCauseSentence(texts: string[]): Found | null {
  for (const [cue, sure] of [
    ['rootCauseStrong', true],
    ['rootCauseWeak', false],
  ] as const) {
    for (const text of texts)
      for (const [i, sentence] of sentences(text).entries()) {
        if (!cuePattern(cue).test(sentence)) continue
        // A heading-like fragment ("Root cause:") is not the cause itself: take what follows.
        const list = sentences(text)
        const body =
          sentence.replace(/[*_`]/g, '').length < 16 && list[i + 1] ? `${sentence} ${list[i + 1]}` : sentence
        return { text: body.trim(), sure }
      }
  }
  return null
}

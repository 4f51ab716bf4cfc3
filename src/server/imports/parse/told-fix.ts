import { isMetaLine, proseSentences } from '../text'
import { hasCue } from './vocabulary'

/*
 * How an incident was fixed, when no section says it: the sentences of the story that carry a
 * fix word. A story tells its background first and its fix last, so a sentence weighs more the
 * later it comes; one that says the service is back ("终于起来服务了", "was restored") weighs
 * more; advice and conditions ("如果…就…", "you should …") say what one could do, not what was done.
 */

const MAX_SENTENCES = 3

/** Up to three sentences of the texts (the first is the summary) that tell the fix, in story order. */
export function toldFix(summary: string, story: string[]): string {
  const candidates = (texts: string[]) =>
    texts.flatMap(proseSentences).filter(
      (sentence) =>
        sentence.length < 400 &&
        !/[:：]$/.test(sentence) &&
        !isMetaLine(sentence) &&
        // "在此期间，您可以暂时使用其他镜像站": the workaround a notice gives its readers is the fix so far.
        (hasCue(sentence, 'workaroundAdvice') ||
          ((hasCue(sentence, 'resolutionWords') || hasCue(sentence, 'serviceBack')) &&
            !hasCue(sentence, 'hypotheticalFix'))),
    )
  const told = candidates(story)
  // The summary is read whole (a status notice puts its latest update first); the story by its order.
  const scored = [
    ...candidates([summary]).map((sentence) => ({ sentence, weight: 0.5 })),
    ...told.map((sentence, i) => ({ sentence, weight: i / Math.max(1, told.length - 1) })),
  ].map(({ sentence, weight }, i) => ({
    sentence,
    i,
    score: weight + (hasCue(sentence, 'serviceBack') ? 1 : 0),
  }))
  return [...new Map(scored.map((s) => [s.sentence, s])).values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SENTENCES)
    .sort((a, b) => a.i - b.i)
    .map((s) => s.sentence)
    .join(' ')
}

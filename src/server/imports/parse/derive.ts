import type { Confidence, ParsedPostmortem } from '../parsed-retro'
import { promisedIn } from './action-items'
import { isMetaLine, proseSentences, sentences, sentencesAndCodeLines, tokens, withoutCode } from '../text'
import { namedCauses, rootCauseSentence } from './root-cause'
import { toldFix } from './told-fix'
import { timelineKind } from './timeline'
import { leadingStamp, opensWithDate, statesWindow, timeIn, type TimeContext } from './timestamps'
import { classifyHeading, hasCue, opensWithCue, type Cue } from './vocabulary'

/*
 * Fields a retro has no section for, read from its prose: the root cause from cue sentences,
 * the symptom from the summary's headline and the sentences that say what went wrong, the
 * resolution from those that say how it was fixed, a timeline from sentences that give a time.
 * Each derived field comes back with how sure it is (low: the preview asks a person to check).
 */

export const SURE = { heading: 0.95, partialHeading: 0.6, sentence: 0.55, weakSentence: 0.4, derived: 0.4 }

/** "*(Note: certain facts have been left out …)*", "（注：…）": an aside in brackets, not the story. */
const isAside = (sentence: string) => /^[*_\s]*[(（][\s\S]*[)）][*_.。\s]*$/u.test(sentence)

/** "All times PDT.", "以下时间均为北京时间": how the times read, not what happened. */
const isTimesNote = (sentence: string) => sentence.length < 60 && opensWithCue(sentence, 'timesNote')

/** "**2018-10-30 12:15**⏎⏎Sentry began sending alerts …": what happened at a moment, without the moment's heading. */
const momentText = (text: string) => text.replace(/^\*\*[^*\n]{1,60}\*\*\s*\n+/, '')

/** More than a date or a time: a few words of its own. */
const saysMore = (text: string) => text.replace(/[\d:\-/.\s年月日号时分秒]/g, '').length >= 6

/** Up to `max` distinct sentences of the texts that carry the cue, in order. */
function sentencesWith(texts: string[], cue: Cue, max: number): string {
  const out: string[] = []
  for (const sentence of sentences(texts.filter(Boolean).join('\n')))
    // "修复步骤如下：" introduces what follows; it says nothing itself.
    if (
      out.length < max &&
      !out.includes(sentence) &&
      sentence.length < 400 &&
      !/[:：]$/.test(sentence) &&
      // "**恢复时间**：11:02" is a fact about the incident, not a sentence that tells it.
      !isMetaLine(sentence) &&
      hasCue(sentence, cue)
    )
      out.push(sentence)
  return out.join(' ')
}

/** The sections nothing took that tell the incident: appendices (references, thanks) do not. */
export const storySections = (pm: ParsedPostmortem) =>
  pm.unmapped.filter((u) => classifyHeading(u.heading) !== 'appendix')

/** Fills the empty fields it can, in place; returns the confidence of each field it filled. */
export function deriveMissing(pm: ParsedPostmortem, context: TimeContext): Confidence {
  const sure: Confidence = {}
  const story = storySections(pm)
  const notes = story.map((u) => u.text)
  const proposed = (field: string) => story.filter((u) => u.suggestion === field).map((u) => u.text)
  if (pm.rootCause) {
    // The summary's headline says what happened; a later sentence of it that says why ("The event
    // was triggered by …") is the author's own statement of the cause: it joins the section's.
    const said = rootCauseSentence([sentences(pm.summary).slice(1).join('\n')])
    if (said && !pm.rootCause.includes(said.text)) pm.rootCause = `${pm.rootCause}\n\n${said.text}`
    // "至此基本明确了，…是造成本次故障的主要原因": the conclusion an investigation reaches, in a section
    // nothing else took, when it states the cause with a strong cue.
    const concluded = rootCauseSentence(notes)
    if (concluded?.sure && !pm.rootCause.includes(concluded.text))
      pm.rootCause = `${pm.rootCause}\n\n${concluded.text}`
    // "…确定拖垮db的根本原因是上面的第二条查询" under the fix, the lessons or a moment of the timeline.
    const elsewhere = [pm.summary, pm.resolution, ...pm.lessons, ...pm.timeline.map((e) => e.text)]
    for (const named of namedCauses(elsewhere).slice(0, 3))
      if (!pm.rootCause.includes(named)) pm.rootCause = `${pm.rootCause}\n\n${named}`
  } else {
    // "问题原因是…", "the root cause was…" in any prose of the retro.
    const prose = [
      pm.summary,
      pm.symptom,
      pm.impact,
      ...notes,
      pm.resolution,
      ...pm.timeline.map((e) => e.text),
    ]
    const found = rootCauseSentence(prose)
    if (found) {
      pm.rootCause = found.text
      sure.rootCause = found.sure ? SURE.sentence : SURE.weakSentence
      // "A bug in the health checks kept the version from being updated": the summary's own
      // statement of why, even with a weaker cue than one found later in the story.
      const headline = rootCauseSentence([pm.summary])
      if (headline && !pm.rootCause.includes(headline.text))
        pm.rootCause = `${headline.text}\n\n${pm.rootCause}`
    }
  }
  if (!pm.timeline.length) {
    // No timeline anywhere: the sentences that give a time ("晚上8点发现…", "at 17:20 UTC we…"),
    // in how it went wrong and how it was put right.
    const prose = withoutCode([pm.summary, pm.symptom, pm.detection, ...notes, pm.resolution].join('\n\n'))
    const timed = sentences(prose).flatMap((sentence) => {
      const at = timeIn(sentence, context)
      // A sentence that says something besides its time, not a log line.
      const words = sentence.replace(/[\d:\-/.\s]/g, '').length
      // Nor a field of the page ("- **Status**: Resolved at 16:16 UTC") or its markup ("<time …>").
      const field = isMetaLine(sentence.replace(/^\s*[-*+]\s+/, '')) || /^\s*</.test(sentence)
      return at !== undefined && words >= 6 && sentence.length < 300 && !/^[\[\d]/.test(sentence) && !field
        ? [{ kind: timelineKind(sentence), text: sentence, hypothesis: null, at }]
        : []
    })
    // "On 14 April 2026, we again tested …": a paragraph that opens with its day is a moment of the story.
    const days = prose
      .split(/\n{2,}/)
      // A paragraph that is only a date is the signature's, not a moment ("2026年5月28日").
      .filter((paragraph) => opensWithDate(paragraph) && saysMore(paragraph))
      .map((paragraph) => sentences(paragraph)[0] ?? paragraph)
      .filter((first) => !timed.some((t) => t.text === first))
      .map((text) => ({
        kind: timelineKind(text),
        text,
        hypothesis: null,
        at: timeIn(text, context) ?? null,
      }))
    // "Between 21:27 and 07:27 UTC the site was down": the incident's window, not a moment of it.
    const moments = [...timed, ...days].filter((m) => !statesWindow(m.text))
    // Dozens of times in prose are logs or code, not a story of the incident.
    if (moments.length <= 8) pm.timeline.push(...moments)
    if (pm.timeline.length) sure.timeline = SURE.derived
  }
  if (pm.symptom) {
    // A symptom section of graphs and figures, and a summary that says in words what went wrong
    // ("所有热备库出现连接堆积，压力暴涨"): the summary's sentence joins it.
    const told = sentences(pm.summary)
      .filter((s) => hasCue(s, 'symptom') && !pm.symptom.includes(s))
      .slice(0, 2)
    if (told.length) pm.symptom = `${pm.symptom}\n\n${told.join(' ')}`
  } else {
    // No symptom section: what the summary says first (the headline of the incident), what the
    // impact says first, then the sentences that say what went wrong, in the summary, impact,
    // detection, sections nothing else took and the first timeline entries (where it began).
    const prose = (text: string) =>
      sentencesAndCodeLines(text, (line) => hasCue(line, 'symptom')).filter(
        (s) => s.length > 12 && s.length < 400 && !isMetaLine(s) && !isAside(s) && !isTimesNote(s),
      )
    const impact = [pm.impact, ...proposed('impact')].join('\n')
    const told = [
      pm.summary,
      impact,
      pm.detection,
      ...proposed('symptom'),
      ...notes,
      ...pm.timeline.slice(0, 3).map((e) => momentText(e.text)),
    ]
    // "First reports of users seeing 404s", "收到用户反馈…": what was reported, wherever it sits in the timeline.
    const reported = pm.timeline
      .filter((e) => hasCue(e.text, 'reported'))
      .slice(0, 2)
      .flatMap((e) => prose(momentText(e.text)).slice(0, 1))
    const picked = [
      prose(pm.summary)[0],
      prose(impact)[0],
      ...reported,
      ...told.flatMap(prose).filter((s) => hasCue(s, 'symptom')),
    ]
    const symptom = [...new Set(picked.filter((s): s is string => !!s))].slice(0, 6).join(' ')
    if (symptom) {
      pm.symptom = symptom
      sure.symptom = SURE.derived
    }
  }
  if (pm.resolution) {
    // "杀查询有立竿见影的救火效果", "Changes were rolled back": the fix the summary names, when the
    // resolution section (often the permanent fix) does not say it.
    const told = sentencesWith([pm.summary], 'resolutionWords', 1)
    if (told && !pm.resolution.includes(told)) pm.resolution = `${pm.resolution}\n\n${told}`
    // "14:59 Reverts deployed, issue mitigated", "[Close Issue] … fixed the issues": the moment
    // the timeline says it was fixed.
    const closing = (text: string) => leadingStamp(text) || hasCue(text.split('\n')[0]!, 'statusClosed')
    const fixed = pm.timeline
      .findLast((e) => closing(e.text) && hasCue(e.text, 'resolutionWords'))
      ?.text.replace(/\s+/g, ' ')
    if (fixed && fixed.length < 300 && !pm.resolution.includes(fixed))
      pm.resolution = `${pm.resolution}\n\n${fixed}`
    // "6. 为减少故障影响，决定先回退代码版本。回退版本发布后，应用服务能力恢复正常。" in the investigation:
    // what brought the service back, while the resolution section tells the lasting fix.
    const mitigation = notes
      .flatMap((note) => note.split(/\n{2,}/))
      .find((p) => p.length < 300 && hasCue(p, 'serviceRecovered') && hasCue(p, 'resolutionWords'))
      ?.trim()
    if (mitigation && !pm.resolution.includes(mitigation)) pm.resolution = `${mitigation}\n\n${pm.resolution}`
  } else {
    // No resolution section: the sentences that say how it was fixed: in the summary, the
    // sections proposed for the resolution and then any section nothing else took; then the last
    // timeline entries that say so (the fix comes at the end of an incident).
    const fixes = pm.timeline.filter((e) => hasCue(e.text, 'resolutionWords')).slice(-2)
    const told = toldFix(pm.summary, [...proposed('resolution'), ...notes])
    const said = [
      told,
      // A timeline taken from the summary's sentences would say the same fix twice.
      ...fixes.map((e) => e.text.replace(/\s+/g, ' ').slice(0, 400)).filter((t) => !told.includes(t)),
    ]
      .filter(Boolean)
      .join(' ')
    if (said) {
      pm.resolution = said
      sure.resolution = SURE.derived
    }
  }
  if (!pm.actionItems.length) {
    // No follow-up section, list or planned fix: the work the story promises.
    pm.actionItems.push(...promisedIn([pm.summary, ...notes]))
    if (pm.actionItems.length) sure.actionItems = SURE.derived
  }
  if (!pm.lessons.length) {
    // No lessons section: the sentences that say what was learned ("This is something that needs
    // to be improved for future incident announcements", "这次的教训是…"), wherever the story says it.
    const learned = [pm.summary, ...notes, pm.resolution, ...pm.timeline.map((e) => e.text)]
      .flatMap((text) => proseSentences(text))
      .filter((s) => s.length < 400 && hasCue(s, 'lessonTold'))
    pm.lessons.push(...new Set(learned.slice(0, 5)))
    if (pm.lessons.length) sure.lessons = SURE.derived
  }
  restatedInSummary(pm)
  return sure
}

/** Tokens of a sentence that carry meaning (no common English words). */
const meaningful = (text: string) =>
  [...tokens(text)].filter((t) => !/^[a-z0-9]+$/.test(t) || !hasCue(t, 'commonWords'))

/**
 * A short summary tells the whole incident in a few sentences: what was seen, why, how it was
 * fixed. A sentence of it that mostly says what a field's own section says, in other words
 * ("Our certificate renewal process relied on an external service that has been discontinued"
 * beside a root-cause section about the renewal), joins that field.
 */
function restatedInSummary(pm: ParsedPostmortem) {
  const told = sentences(pm.summary)
  if (told.length > 6) return
  const fields = ['symptom', 'rootCause', 'resolution'] as const
  const vocab = Object.fromEntries(fields.map((f) => [f, new Set(meaningful(pm[f]))]))
  for (const sentence of told.slice(1)) {
    const words = meaningful(sentence)
    if (isMetaLine(sentence) || words.length < 4 || fields.some((f) => pm[f].includes(sentence))) continue
    const [field, shared] = fields
      .map((f) => [f, words.filter((w) => vocab[f]!.has(w)).length] as const)
      .reduce((best, next) => (next[1] > best[1] ? next : best))
    if (pm[field] && shared >= 3 && shared / words.length >= 0.3) pm[field] = `${pm[field]}\n\n${sentence}`
  }
}

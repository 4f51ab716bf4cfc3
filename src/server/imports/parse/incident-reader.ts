import type { RootContent } from 'mdast'
import {
  emptyPostmortem,
  type Confidence,
  type HypothesisStatus,
  type ParsedPostmortem,
  type TextField,
} from '../parsed-retro'
import { overlap, sentences, toNumber } from '../text'
import { actionFromHeading, isActionTable, readActionItems } from './action-items'
import { blocks, join, markdown, parseMarkdown, type Block, type Section } from './markdown'
import { findMetric } from './metric'
import { deriveMissing, SURE } from './derive'
import { isMomentHeading, readTimeline, stampedRun, statusUpdates, timelineKind } from './timeline'
import { findDate, isDateOnly, leadingStamp, stampTime, type TimeContext } from './timestamps'
import { alternation, cuePattern, hasCue, type Cue, type Field } from './vocabulary'

/*
 * Reads one incident's sections into a postmortem. Numbered "possible causes" become
 * hypotheses, and later sentences that refer to them ("针对可能原因1", "3排除", "ruled out")
 * set their verdict and evidence. Whatever cannot be placed is kept in `unmapped`, with the
 * field it most looks like proposed. Every field found says how sure the reading is.
 */

const timelineEntry = (text: string) => ({ kind: timelineKind(text), text, hypothesis: null })

const isLeadIn = (text: string) => /[:：]\s*$/.test(text.trim()) && text.length < 200

export class IncidentReader {
  readonly pm: ParsedPostmortem
  private confidence: Confidence = {}
  /** 1-based number in the latest "possible causes" list → index in pm.hypotheses. */
  private numbering = new Map<number, number>()
  /** The hypothesis the latest first-look suspicion created (attempts and results test it). */
  private tested: number | null = null

  constructor(
    title: string,
    private context: TimeContext,
  ) {
    this.pm = emptyPostmortem(title)
  }

  /** Reads a section (its own content as the introduction) and any shared sections after it. */
  read(section: Section, shared: Section[] = []) {
    this.intro(section.content)
    for (const child of [...section.children, ...shared]) this.section(child)
    this.finish()
    return this.pm
  }

  private sure(field: keyof Confidence, value: number) {
    this.confidence[field] = Math.min(this.confidence[field] ?? 1, value)
  }

  /** Text before the first heading: a summary, unless it is a status notice or a run of timestamped lines. */
  private intro(content: RootContent[]) {
    const notice = statusUpdates(content, this.context)
    if (notice) {
      this.pm.timeline.push(...notice.entries)
      this.sure('timeline', SURE.heading)
      content = notice.rest
    }
    const rest = this.stamped(content)
    const text = markdown(rest)
    if (text) this.pm.summary = join(text, this.pm.summary)
  }

  /**
   * Pulls runs of timestamped lines out of free content into the timeline, and a list introduced
   * as follow-ups ("To prevent similar issues, we've made a few changes:") into the action
   * items; returns the rest.
   */
  private stamped(content: RootContent[]): RootContent[] {
    return content.filter((node, i) => {
      const run = stampedRun(node, this.context)
      if (run) this.pm.timeline.push(...run)
      if (node.type === 'table' && isActionTable(node)) {
        this.pm.actionItems.push(...readActionItems([node]).items)
        this.sure('actionItems', SURE.heading)
        return false
      }
      const before = content[i - 1]
      const leadIn = before?.type === 'paragraph' ? markdown([before]) : ''
      if (!run && node.type === 'list' && isLeadIn(leadIn) && hasCue(leadIn, 'actionLeadIn')) {
        const { items } = readActionItems([node])
        this.pm.actionItems.push(...items)
        if (items.length) this.sure('actionItems', SURE.sentence)
        return !items.length
      }
      return !run
    })
  }

  private section(section: Section, inherited: Field | null = null) {
    // Under a timeline, a sub-heading is a day ("### 2023-08-25") or a moment ("### 5:37 PM"); any
    // other sub-heading ("# Fullchain (on CDN host)") is not part of it.
    const timelinePart = inherited === 'timeline' && !section.match
    const moment = timelinePart && !isDateOnly(section.heading) && isMomentHeading(section.heading)
    const field =
      section.match?.field ?? (timelinePart && !moment && !isDateOnly(section.heading) ? null : inherited)
    const confidence = section.match
      ? section.match.sure
        ? SURE.heading
        : SURE.partialHeading
      : SURE.partialHeading
    const content = section.content
    const text = markdown(content)
    const parts = blocks(content)
    // A sub-heading under a known part ("### Day 1" under Timeline, "### Short term" under
    // Action items) belongs to that part; a field's own sub-parts keep their own field.
    const childField: Field | null =
      field &&
      [
        'timeline',
        'actionItems',
        'lessons',
        'rootCause',
        'resolution',
        'impact',
        'symptom',
        'investigation',
        'hypotheses',
      ].includes(field)
        ? field
        : null
    const heading = inherited && !section.match && text ? `**${section.heading}**\n\n` : ''
    switch (field) {
      case 'summary':
      case 'symptom':
      case 'detection':
      case 'impact':
      case 'rootCause':
      case 'verification': {
        const rest = this.stamped(content)
        const body = markdown(rest)
        if (body) {
          this.pm[field] = join(this.pm[field], heading + body)
          this.sure(field, confidence)
        }
        break
      }
      case 'investigation': {
        const narrative = this.investigate(parts)
        if (narrative.length)
          this.pm.unmapped.push({ heading: section.heading, text: narrative.join('\n\n'), suggestion: null })
        break
      }
      case 'firstLook':
        for (const { text: item } of parts) this.firstLook(item)
        break
      case 'hypotheses':
        this.possibleCauses(parts)
        break
      case 'attempt':
        if (text) this.pm.timeline.push({ kind: 'ATTEMPT', text, hypothesis: this.tested })
        break
      case 'result':
        if (text) this.result(text)
        break
      case 'timeline': {
        if (moment) {
          // "### 5:37 PM" with what happened then: one entry.
          const stamp = leadingStamp(`${section.heading} x`)
          this.pm.timeline.push({
            ...timelineEntry(join(`**${section.heading}**`, text)),
            at: stamp ? stampTime(stamp, this.context) : null,
          })
          break
        }
        const day = /\d/.test(section.heading)
          ? { ...this.context, day: dayOf(section.heading, this.context) }
          : this.context
        const { entries, notes } = readTimeline(content, day)
        this.pm.timeline.push(...entries)
        if (entries.length) this.sure('timeline', confidence)
        const narrative = markdown(notes)
        if (narrative)
          this.pm.unmapped.push({ heading: section.heading, text: narrative, suggestion: suggest(narrative) })
        break
      }
      case 'resolution':
        if (text) {
          this.resolution(heading + text)
          this.sure('resolution', confidence)
        }
        break
      case 'openQuestions':
        this.pm.openQuestions.push(
          ...parts.filter((p) => !isLeadIn(p.text)).map((p) => ({ text: p.text, answer: '' })),
        )
        break
      case 'lessons': {
        // One lesson per list item or paragraph; a paragraph of several lines is one lesson a line.
        const lessons = parts
          .filter((p) => !isLeadIn(p.text))
          .flatMap((p) => {
            const lines = p.item ? [] : p.text.split('\n').filter((l) => l.trim())
            // Not a hard-wrapped paragraph: each line ends a sentence or the next starts a new one.
            const separate = lines.every(
              (l, i) =>
                i === lines.length - 1 ||
                /[.。!！?？;；]\s*$/.test(l) ||
                /^\s*[\p{Lu}\p{Script=Han}\d]/u.test(lines[i + 1]!),
            )
            return lines.length > 1 && separate && lines.every((l) => l.trim().length >= 12)
              ? lines
              : [p.text]
          })
        this.pm.lessons.push(...lessons)
        if (lessons.length) this.sure('lessons', confidence)
        break
      }
      case 'actionItems': {
        const { items, rest } = readActionItems(content)
        // A sub-heading that is an item ("#### 1) Alerts added …"), not a group ("### Short term").
        if (inherited && !section.match && !items.length) items.unshift(actionFromHeading(section.heading))
        this.pm.actionItems.push(...items)
        if (items.length) this.sure('actionItems', confidence)
        const leftover = markdown(rest.filter((n) => !isLeadIn(markdown([n]))))
        if (leftover) this.pm.unmapped.push({ heading: section.heading, text: leftover, suggestion: null })
        break
      }
      default: {
        if (isMomentHeading(section.heading)) {
          // "## Update 2021-07-15" with what happened that day: one entry.
          const stamp = leadingStamp(`${section.heading} x`)
          this.pm.timeline.push({
            ...timelineEntry(join(`**${section.heading}**`, text)),
            at: stamp ? stampTime(stamp, this.context) : null,
          })
          break
        }
        const rest = this.stamped(content)
        const body = markdown(rest)
        if (body) this.pm.unmapped.push({ heading: section.heading, text: body, suggestion: suggest(body) })
      }
    }
    for (const child of section.children) this.section(child, child.match ? null : childField)
  }

  private addHypothesis(statement: string, evidence = '', status: HypothesisStatus = 'OPEN') {
    this.pm.hypotheses.push({ statement, evidence, status })
    return this.pm.hypotheses.length - 1
  }

  private note(index: number, evidence: string, cueText = evidence) {
    const h = this.pm.hypotheses[index]
    if (!h) return
    if (!h.evidence.includes(evidence)) h.evidence = join(h.evidence, evidence)
    const verdict = verdictOf(cueText)
    if (verdict) h.status = verdict
  }

  /** "初次排查": observations, and the first suspicion (which the first attempt then tests). */
  private firstLook(item: string) {
    if (hasCue(item, 'suspect')) this.tested = this.addHypothesis(item)
    else this.pm.timeline.push({ kind: 'OBSERVATION', text: item, hypothesis: null })
  }

  /** "可能原因": a numbered list; "cause：why not" items carry their own verdict. */
  private possibleCauses(parts: Block[]) {
    this.numbering = new Map()
    parts
      .filter((p) => !isLeadIn(p.text))
      .forEach(({ text, ordinal }, i) => {
        const split = /^(.{1,80}?)(?:[：:]|[？?](?=\S))\s*([\s\S]+)$/.exec(text)
        const statement = (split?.[1] ?? text).trim()
        const evidence = split?.[2]?.trim() ?? ''
        const status: HypothesisStatus = !evidence
          ? 'OPEN'
          : hasCue(evidence, 'eliminated')
            ? 'ELIMINATED'
            : hasCue(evidence, 'confirmed') || hasCue(evidence, 'found')
              ? 'CONFIRMED'
              : hasCue(evidence, 'negation')
                ? 'ELIMINATED'
                : 'OPEN'
        this.numbering.set(ordinal ?? i + 1, this.addHypothesis(statement, evidence, status))
      })
  }

  private result(text: string) {
    this.pm.timeline.push({ kind: 'RESULT', text, hypothesis: this.tested })
    if (this.tested === null) return
    const attempt = this.pm.timeline.findLast((e) => e.kind === 'ATTEMPT' && e.hypothesis === this.tested)
    this.note(this.tested, join(attempt?.text ?? '', text), text)
  }

  /** Explicit references: "针对可能原因1", "针对问题2，3，4", "针对3和4", "hypothesis 2", "3排除". */
  private references(text: string): number[] {
    const found = new Set<number>()
    const digit = '[0-9０-９一二三四五六七八九十]'
    const listed = new RegExp(
      `(?:${alternation('referenceLead')})\\s*(?:${alternation('referenceNoun')})?\\s*(${digit}(?:\\s*[，,、和与及]\\s*${digit})*)`,
      'g',
    )
    for (const m of text.matchAll(listed))
      for (const token of m[1]!.split(/\s*[，,、和与及]\s*/)) {
        const n = toNumber(token)
        if (n) found.add(n)
      }
    for (const m of text.matchAll(
      new RegExp(`(?:${alternation('referenceNumbered')})\\s*#?\\s*([0-9]{1,2})`, 'giu'),
    ))
      found.add(Number(m[1]))
    for (const m of text.matchAll(
      new RegExp(
        `(?:^|[，,。；;\\s于是])([0-9])(?:\\s*[和,，、]\\s*([0-9]))?\\s*(?:已)?(?:${alternation('eliminated')})`,
        'giu',
      ),
    )) {
      found.add(Number(m[1]))
      if (m[2]) found.add(Number(m[2]))
    }
    return [...found].flatMap((n) => (this.numbering.has(n) ? [this.numbering.get(n)!] : []))
  }

  /**
   * Paragraphs of an investigation: evidence for the hypotheses they refer to, new suspicions,
   * findings, attempts and results (timeline). Returns the narrative that is none of these.
   */
  private investigate(parts: Block[], fromResolution = false): string[] {
    const narrative: string[] = []
    let sawReference = false
    for (const { text, ordinal } of parts) {
      const refs = this.references(text)
      if (refs.length) {
        sawReference = true
        for (const index of refs) this.note(index, text, this.cueScope(text))
      } else if (
        !fromResolution &&
        !sawReference &&
        ordinal &&
        this.numbering.has(ordinal) &&
        verdictOf(text)
      ) {
        // "1. …，排除" under a numbered list of causes: item n answers cause n.
        this.note(this.numbering.get(ordinal)!, text)
      } else if (!fromResolution && this.question(text)) {
        // "1. 是否在报警的时间点有大量的写操作？通过代码排查，并没有": a cause asked and answered.
      } else if (hasCue(text, 'confirmed') || (hasCue(text, 'found') && !fromResolution)) {
        const best = this.bestMatch(text)
        if (best !== null && hasCue(text, 'confirmed')) this.note(best, text)
        else if (!fromResolution && (best !== null || leadingStamp(text)))
          this.pm.timeline.push({ kind: 'OBSERVATION', text, hypothesis: best })
        else if (!fromResolution) narrative.push(text)
      } else if (!fromResolution) {
        if (leadingStamp(text)) this.pm.timeline.push(timelineEntry(text))
        else narrative.push(text)
      }
      this.suspicions(text)
      if (fromResolution || refs.length) this.confirmations(text)
    }
    return narrative
  }

  /** "是否有大量的写操作 … 没有": a cause the investigation asks about, with the verdict its answer gives. */
  private question(text: string): boolean {
    const m = new RegExp(
      `^\\s*(?:${alternation('questionHypothesis')})\\s*([^，,。；;？?\\n]{2,60})[？?，,。；;\\n]?\\s*([\\s\\S]*)$`,
      'iu',
    ).exec(text)
    if (!m) return false
    const evidence = m[2]!.trim()
    const status = evidence
      ? (verdictOf(evidence) ?? (hasCue(evidence, 'negation') ? 'ELIMINATED' : 'OPEN'))
      : 'OPEN'
    this.addHypothesis(m[1]!.trim(), evidence, status)
    return true
  }

  /** In "针对3和4，…于是怀疑是否是主从延迟的问题" the verdict words after a new suspicion are not about 3 and 4. */
  private cueScope(text: string) {
    const cut = text.search(cuePattern('newSuspicion'))
    return cut > 0 ? text.slice(0, cut) : text
  }

  /** Texts already read for suspicions (an investigation paragraph is not read twice). */
  private suspected = new Set<string>()

  /**
   * "怀疑是否是主从延迟的问题", "we initially suspected spam" → a new hypothesis, unless one like it
   * exists; the rest of its sentence and the next one say whether it was ruled out or confirmed.
   */
  private suspicions(text: string) {
    if (this.suspected.has(text)) return
    this.suspected.add(text)
    const pattern = new RegExp(
      `(?:${alternation('suspect')})\\s*([^，,。；;？?!！]{2,60}?)(?:的问题|问题)?(?:[，,。；;？?!！]|$)`,
      'iu',
    )
    const list = sentences(text)
    list.forEach((sentence, i) => {
      const m = pattern.exec(sentence)
      if (!m) return
      const subject = m[1]!
        .split(new RegExp(`\\s*(?:${alternation('hypothesisEnd')})\\s*`, 'iu'))[0]!
        .trim()
        .replace(/[.。]$/, '')
        .replace(
          /^(?:that\s+)?(?:it|this|they)\s+(?:might|may|could|would|was|were|is)\s+(?:have\s+)?(?:be(?:en)?\s+)?/i,
          '',
        )
        .replace(/^(?:was|were|is|are)\s+/i, '')
      // "they were", "OK的": too little to be a cause anyone could check.
      const size = /\p{Script=Han}/u.test(subject)
        ? subject.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '').length
        : subject.split(/\s+/).length
      if (size < 3 || /^(?:it|they|this|that|we|he|she)\b/i.test(subject)) return
      if (this.pm.hypotheses.some((h) => overlap(h.statement, subject) >= Math.max(2, subject.length - 1)))
        return
      const after = `${sentence.slice(m.index + m[0].length)} ${list[i + 1] ?? ''}`
      this.addHypothesis(
        subject,
        sentence,
        verdictOf(after) ?? (hasCue(after, 'notFound') ? 'ELIMINATED' : 'OPEN'),
      )
    })
  }

  /** "确定就是主从延迟导致的" → the hypothesis that best matches "主从延迟" is confirmed. */
  private confirmations(text: string) {
    const pattern = new RegExp(
      `(?:${alternation('confirmsSubject')})\\s*([^，,。；;]{2,60}?)(?:导致|引起|造成|[，,。；;]|$)`,
      'iu',
    )
    for (const sentence of sentences(text)) {
      const m = pattern.exec(sentence)
      if (!m) continue
      const best = this.bestMatch(m[1]!, true)
      if (best !== null) this.note(best, text, m[0])
    }
  }

  /** The hypothesis sharing most words with the text (not already eliminated), if any share at least two. */
  private bestMatch(text: string, includeEliminated = false): number | null {
    let best: number | null = null
    let score = 1
    this.pm.hypotheses.forEach((h, i) => {
      if (!includeEliminated && h.status === 'ELIMINATED') return
      const s = overlap(h.statement, text)
      if (s > score) [best, score] = [i, s]
    })
    return best
  }

  private resolution(text: string) {
    this.pm.resolution = join(this.pm.resolution, text)
    if (hasCue(text, 'temporary')) this.pm.resolutionKind = 'TEMPORARY'
    else this.pm.resolutionKind ??= 'PERMANENT'
    // "暂时关停108机器，待找到具体问题点之后再重新启用": the deferred part is a follow-up.
    if (this.pm.resolutionKind === 'TEMPORARY')
      for (const paragraph of text.split(/\n{2,}/))
        if (hasCue(paragraph, 'deferred'))
          this.pm.actionItems.push({
            title: paragraph.trim().replace(/[。.]$/, ''),
            owner: null,
            due: null,
            status: 'OPEN',
          })
    this.investigate(blocks(parseMarkdown(text).children), true)
  }

  /**
   * "We have 2 hypotheses:" followed by a numbered list, anywhere in the prose: the causes
   * considered; later mentions ("We test hypothesis 1 - the error is reproduced") set verdicts.
   */
  private ledHypotheses(texts: string[]) {
    if (this.pm.hypotheses.length) return
    const lead = new RegExp(
      `(?:${alternation('hypothesisLeadIn')})[^\\n]{0,40}[:：]\\s*\\n+((?:[ \\t]*\\d+[.)、][ \\t]+\\S[^\\n]*\\n?)+)`,
      'iu',
    )
    for (const text of texts) {
      const m = lead.exec(text)
      if (!m) continue
      this.possibleCauses(blocks(parseMarkdown(m[1]!).children))
      for (const other of texts)
        for (const index of this.references(other))
          if (other !== text || verdictOf(other)) this.note(index, other)
      return
    }
  }

  private finish() {
    const pm = this.pm
    this.ledHypotheses([...pm.timeline.map((e) => e.text), ...pm.unmapped.map((u) => u.text), pm.summary])
    // Suspicions told in any prose ("we first suspected …, but …"), not only under an investigation heading.
    for (const text of [
      pm.summary,
      pm.symptom,
      pm.rootCause,
      ...pm.unmapped.map((u) => u.text),
      ...pm.timeline.map((e) => e.text),
    ])
      for (const paragraph of text.split(/\n{2,}/)) this.suspicions(paragraph)
    if (!pm.rootCause) {
      const confirmed = pm.hypotheses.filter((h) => h.status === 'CONFIRMED')
      pm.rootCause = confirmed
        .map((h) => (h.evidence ? `${h.statement}：${h.evidence.split('\n\n')[0]}` : h.statement))
        .join('\n\n')
      if (pm.rootCause) this.sure('rootCause', SURE.sentence)
    }
    for (const [field, confidence] of Object.entries(deriveMissing(pm, this.context)))
      this.sure(field as keyof Confidence, confidence)
    pm.metric = findMetric(pm)
    pm.confidence = this.confidence
  }
}

const dayOf = (heading: string, context: TimeContext) => findDate(heading, context.offset) ?? context.day

function verdictOf(text: string): HypothesisStatus | null {
  if (hasCue(text, 'eliminated')) return 'ELIMINATED'
  if (hasCue(text, 'confirmed')) return 'CONFIRMED'
  return null
}

/** The field an unmapped section most looks like: the one whose cue words it uses most. */
export function suggest(text: string): TextField {
  const count = (cue: Cue) => text.match(new RegExp(cuePattern(cue).source, 'giu'))?.length ?? 0
  const scores: [TextField, number][] = [
    ['rootCause', 2 * count('rootCauseStrong') + count('rootCauseWeak') / 2],
    ['resolution', count('resolutionWords')],
    ['impact', count('impactWords')],
    ['symptom', count('symptom')],
  ]
  const [field, score] = scores.reduce((best, next) => (next[1] > best[1] ? next : best))
  return score > 0 ? field : 'summary'
}

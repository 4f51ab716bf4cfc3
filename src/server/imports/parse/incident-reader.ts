import type { RootContent } from 'mdast'
import { emptyPostmortem, type Confidence, type ParsedPostmortem, type TextField } from '../parsed-retro'
import {
  actionFromHeading,
  actionFromText,
  followUpsIn,
  isActionTable,
  readActionItems,
} from './action-items'
import { blocks, join, markdown, type Block, type Section, isLeadIn } from './markdown'
import { lessonsIn } from './lessons'
import { sentences } from '../text'
import { findMetric } from './metric'
import { deriveMissing, storySections, SURE } from './derive'
import { rootCauseSentence } from './root-cause'
import { Hypotheses, verdictOf } from './hypotheses'
import { isMomentHeading, readTimeline, stampedRun, statusUpdates, timelineKind } from './timeline'
import { findDate, isDateOnly, leadingStamp, stampTime, timeIn, type TimeContext } from './timestamps'
import { cuePattern, hasCue, type Cue, type Field } from './vocabulary'

/*
 * Reads one incident's sections into a postmortem: each part to its field, timelines and action
 * items by their recognisers, hypotheses and their verdicts (hypotheses.ts), the fields no
 * section gave from its prose (derive.ts). Whatever cannot be placed is kept in `unmapped`, with
 * the field it most looks like proposed. Every field found says how sure the reading is.
 */

const timelineEntry = (text: string) => ({ kind: timelineKind(text), text, hypothesis: null })

export class IncidentReader {
  readonly pm: ParsedPostmortem
  private hypotheses: Hypotheses
  private confidence: Confidence = {}
  /** The hypothesis the latest first-look suspicion created (attempts and results test it). */
  private tested: number | null = null

  constructor(
    title: string,
    private context: TimeContext,
  ) {
    this.pm = emptyPostmortem(title)
    this.hypotheses = new Hypotheses(this.pm.hypotheses)
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
   * Pulls runs of timestamped lines out of free content into the timeline, a list introduced as
   * follow-ups into the action items and one introduced as the fix into the resolution; returns
   * the rest.
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
      // A list introduced as follow-ups ("To prevent this, we will:") or as the fix ("修复步骤如下：").
      const introduced = !run && node.type === 'list' && isLeadIn(leadIn)
      if (introduced && hasCue(leadIn, 'actionLeadIn')) {
        const { items } = readActionItems([node])
        this.pm.actionItems.push(...items)
        if (items.length) this.sure('actionItems', SURE.sentence)
        return !items.length
      }
      if (introduced && hasCue(leadIn, 'resolutionLeadIn')) {
        this.resolution(markdown([node]), blocks([node]))
        this.sure('resolution', SURE.sentence)
        return false
      }
      // "Three parts of the system failed:", "主要原因有以下几点：": the list is the cause.
      if (introduced && hasCue(leadIn, 'rootCauseLeadIn')) {
        this.pm.rootCause = join(this.pm.rootCause, `${leadIn}\n\n${markdown([node])}`)
        this.sure('rootCause', SURE.sentence)
        return false
      }
      return !run
    })
  }

  private section(section: Section, inherited: Field | null = null) {
    // Under a timeline, a sub-heading is a day ("### 2023-08-25") or a moment ("### 5:37 PM"); any
    // other sub-heading ("# Fullchain (on CDN host)") is not part of it.
    const timelinePart = inherited === 'timeline' && !section.match
    const moment = timelinePart && !isDateOnly(section.heading) && isMomentHeading(section.heading)
    const field = describesCause(section, inherited)
      ? inherited
      : (section.match?.field ??
        (timelinePart &&
        !moment &&
        !isDateOnly(section.heading) &&
        // "### 2.4 问题响应⏎2025-10-23 10:00 开始排查⏎…": a part of the story told moment by moment.
        !readTimeline(section.content, this.context).entries.some((e) => leadingStamp(e.text))
          ? null
          : inherited))
    const confidence = section.match
      ? section.match.sure
        ? SURE.heading
        : SURE.partialHeading
      : SURE.partialHeading
    const content = section.content
    // The section's text as a whole, serialised only where a part keeps it whole: most read its
    // blocks, and serialising a list is the costly part of reading a section.
    const whole = () => markdown(content)
    // Its blocks, likewise only where a part reads them (a table is serialised to be one).
    let blocksOf: Block[] | undefined
    const parts = () => (blocksOf ??= blocks(content))
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
    const heading = inherited && !section.match && whole() ? `**${section.heading}**\n\n` : ''
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
        // "## 处理过程" as a table of times and events (or a run of stamped lines): the timeline.
        const narrative = this.investigate(blocks(this.stamped(content)))
        if (narrative.length)
          this.pm.unmapped.push({ heading: section.heading, text: narrative.join('\n\n'), suggestion: null })
        break
      }
      case 'firstLook':
        for (const { text: item } of parts()) this.firstLook(item)
        break
      case 'hypotheses':
        this.hypotheses.possibleCauses(parts())
        break
      case 'attempt':
        if (whole()) this.pm.timeline.push({ kind: 'ATTEMPT', text: whole(), hypothesis: this.tested })
        break
      case 'result':
        if (whole()) this.result(whole())
        break
      case 'timeline': {
        if (moment) {
          // "### 5:37 PM" with what happened then: one entry.
          const stamp = leadingStamp(`${section.heading} x`)
          this.pm.timeline.push({
            ...timelineEntry(join(`**${section.heading}**`, whole())),
            at: stamp ? stampTime(stamp, this.context) : null,
          })
          break
        }
        const day = /\d/.test(section.heading)
          ? { ...this.context, day: dayOf(section.heading, this.context) }
          : this.context
        const read = readTimeline(content, day)
        // "## Timeline⏎All times UTC." above per-day sub-sections: its own prose introduces them.
        const intro = section.children.length > 0 && !read.entries.some((e) => leadingStamp(e.text))
        const entries = intro ? [] : read.entries
        this.pm.timeline.push(...entries)
        if (entries.length) this.sure('timeline', confidence)
        const narrative = markdown(intro ? content : read.notes)
        if (narrative)
          this.pm.unmapped.push({ heading: section.heading, text: narrative, suggestion: suggest(narrative) })
        break
      }
      case 'resolution':
        if (whole()) {
          this.resolution(
            heading + whole(),
            heading ? [{ text: heading.trim(), ordinal: null }, ...parts()] : parts(),
          )
          this.sure('resolution', confidence)
        }
        break
      case 'appendix':
        // "参考资料", "References", "致谢": kept as written, never read as part of the incident.
        if (whole()) this.pm.unmapped.push({ heading: section.heading, text: whole(), suggestion: null })
        return
      case 'openQuestions':
        this.pm.openQuestions.push(
          ...parts()
            .filter((p) => !isLeadIn(p.text))
            .map((p) => ({ text: p.text, answer: '' })),
        )
        break
      case 'lessons': {
        // "## 总结与展望⏎- lesson⏎- lesson⏎⏎虽然现在查明了…": the prose after the list is an afterword
        // (what the authors will look at next, a remark), kept for a person, not a lesson.
        const all = parts()
        const last = all.findLastIndex((p) => p.item)
        const afterword = last >= 0 ? all.slice(last + 1).filter((p) => !p.item) : []
        const lessons = lessonsIn(all.filter((p) => !afterword.includes(p)))
        this.pm.lessons.push(...lessons)
        if (lessons.length) this.sure('lessons', confidence)
        const rest = afterword.map((p) => p.text).join('\n\n')
        if (rest) this.pm.unmapped.push({ heading: section.heading, text: rest, suggestion: null })
        break
      }
      case 'actionItems': {
        // "- https://github.com/…/issues/320" under a paragraph: where the work is tracked, not an item.
        const links = content.filter(isLinkList)
        const { items, rest } = readActionItems(content.filter((n) => !links.includes(n)))
        // Follow-ups written as paragraphs, with no list or table: one item a paragraph.
        const paragraphs = rest.filter((n) => n.type === 'paragraph' && !isLeadIn(markdown([n])))
        const asItems = !items.length && paragraphs.length >= 2 && paragraphs.length === rest.length
        if (asItems) items.push(...paragraphs.map((n) => actionFromText(markdown([n]), null)))
        // One paragraph of obligations ("It is necessary to monitor … We need to … must be …"):
        // one item a sentence that says what will or must be done.
        const told =
          !items.length && paragraphs.length === 1 && rest.length === 1
            ? sentences(markdown(paragraphs)).filter((s) => hasCue(s, 'proposed') || hasCue(s, 'plannedWork'))
            : []
        if (told.length >= 2) items.push(...told.map((s) => actionFromText(s.replace(/[.。]$/, ''), null)))
        // A sub-heading that is an item ("#### 1) Alerts added …"), not a group ("### Short term").
        if (inherited && !section.match && !items.length) items.unshift(actionFromHeading(section.heading))
        this.pm.actionItems.push(...items)
        if (items.length) this.sure('actionItems', confidence)
        // What the paragraph says besides its obligations ("We think it was a code bug …") is kept.
        const untold = sentences(markdown(paragraphs)).filter((s) => !told.includes(s))
        const leftover = asItems
          ? ''
          : told.length >= 2
            ? untold.join(' ')
            : markdown(rest.filter((n) => !isLeadIn(markdown([n]))))
        if (leftover) this.pm.unmapped.push({ heading: section.heading, text: leftover, suggestion: null })
        break
      }
      default: {
        if (isMomentHeading(section.heading)) {
          // "## Update 2021-07-15" with what happened that day: one entry.
          const stamp = leadingStamp(`${section.heading} x`)
          this.pm.timeline.push({
            ...timelineEntry(join(`**${section.heading}**`, whole())),
            at: stamp ? stampTime(stamp, this.context) : null,
          })
          break
        }
        const rest = this.stamped(content)
        const body = markdown(rest)
        if (body) this.pm.unmapped.push({ heading: section.heading, text: body, suggestion: suggest(body) })
      }
    }
    for (const child of section.children) {
      // "## 时间轴⏎### **问题发生**⏎2025-01-13 22:27 上游报警…": under a timeline, a part that opens
      // with its moment is that moment of the story, whatever its heading names.
      // So is one whose first lines give its time ("首次发生：2025-10-22 22:46").
      const single =
        field === 'timeline' &&
        !isMomentHeading(child.heading) &&
        !isDateOnly(child.heading) &&
        readTimeline(child.content, this.context).entries.length <= 1
      const opening = single ? markdown(child.content.slice(0, 1)) : ''
      const stamp = opening ? leadingStamp(opening) : null
      const at = stamp ? stampTime(stamp, this.context) : opening ? timeIn(opening, this.context) : undefined
      if (at !== undefined) {
        this.pm.timeline.push({
          ...timelineEntry(join(`**${child.heading}**`, markdown(child.content))),
          at,
        })
        for (const grandchild of child.children) this.section(grandchild, 'timeline')
        continue
      }
      this.section(child, child.match && !describesCause(child, field) ? null : childField)
    }
  }

  /** "初次排查": observations, and the first suspicion (which the first attempt then tests). */
  private firstLook(item: string) {
    if (hasCue(item, 'suspect')) this.tested = this.hypotheses.add(item)
    else this.pm.timeline.push({ kind: 'OBSERVATION', text: item, hypothesis: null })
  }

  private result(text: string) {
    this.pm.timeline.push({ kind: 'RESULT', text, hypothesis: this.tested })
    if (this.tested === null) return
    const attempt = this.pm.timeline.findLast((e) => e.kind === 'ATTEMPT' && e.hypothesis === this.tested)
    this.hypotheses.note(this.tested, join(attempt?.text ?? '', text), text)
  }

  /**
   * Paragraphs of an investigation: evidence for the hypotheses they refer to, new suspicions,
   * findings, attempts and results (timeline). Returns the narrative that is none of these.
   */
  private investigate(parts: Pick<Block, 'text' | 'ordinal'>[], fromResolution = false): string[] {
    const narrative: string[] = []
    let sawReference = false
    for (const { text, ordinal } of parts) {
      const refs = this.hypotheses.references(text)
      if (refs.length) {
        sawReference = true
        for (const index of refs) this.hypotheses.note(index, text, this.hypotheses.cueScope(text))
      } else if (
        !fromResolution &&
        !sawReference &&
        ordinal &&
        this.hypotheses.numbering.has(ordinal) &&
        verdictOf(text)
      ) {
        // "1. …，排除" under a numbered list of causes: item n answers cause n.
        this.hypotheses.note(this.hypotheses.numbering.get(ordinal)!, text)
      } else if (!fromResolution && this.hypotheses.question(text)) {
        // "1. 是否在报警的时间点有大量的写操作？通过代码排查，并没有": a cause asked and answered.
      } else if (hasCue(text, 'confirmed') || (hasCue(text, 'found') && !fromResolution)) {
        const best = this.hypotheses.bestMatch(text)
        if (best !== null && hasCue(text, 'confirmed')) this.hypotheses.note(best, text)
        else if (!fromResolution && (best !== null || leadingStamp(text)))
          this.pm.timeline.push({ kind: 'OBSERVATION', text, hypothesis: best })
        else if (!fromResolution) narrative.push(text)
      } else if (!fromResolution) {
        if (leadingStamp(text)) this.pm.timeline.push(timelineEntry(text))
        else narrative.push(text)
      }
      this.hypotheses.suspicions(text)
      if (fromResolution || refs.length) this.hypotheses.confirmations(text)
    }
    return narrative
  }

  /** The fix: `text` as it is kept, `parts` its blocks (the tree it was written from, not parsed again). */
  private resolution(text: string, parts: Pick<Block, 'text' | 'ordinal'>[]) {
    this.pm.resolution = join(this.pm.resolution, text)
    if (hasCue(text, 'temporary')) this.pm.resolutionKind = 'TEMPORARY'
    else this.pm.resolutionKind ??= 'PERMANENT'
    // "暂时关停108机器，待找到具体问题点之后再重新启用": the deferred part is a follow-up.
    if (this.pm.resolutionKind === 'TEMPORARY')
      for (const paragraph of text.split(/\n{2,}/))
        // A quoted message ("> Hello, … once we have finished") is what was said, not work left to do.
        if (!paragraph.trimStart().startsWith('>'))
          // The sentence that defers ("Maintaining extra capacity until the surge passes"), not the whole fix.
          for (const sentence of sentences(paragraph))
            if (hasCue(sentence, 'deferred'))
              this.pm.actionItems.push({
                title: sentence.trim().replace(/[。.]$/, ''),
                owner: null,
                due: null,
                status: 'OPEN',
              })
    this.investigate(parts, true)
  }

  private finish() {
    const pm = this.pm
    const notes = storySections(pm).map((u) => u.text)
    this.hypotheses.ledBy([
      ...pm.timeline.map((e) => e.text),
      ...notes,
      pm.summary,
      pm.rootCause,
      pm.resolution,
    ])
    // Suspicions told in any prose ("we first suspected …, but …"), not only under an investigation heading.
    for (const text of [
      pm.summary,
      pm.symptom,
      pm.rootCause,
      ...notes,
      ...pm.timeline.map((e) => e.text),
      ...pm.lessons,
      pm.resolution,
    ])
      // The paragraph after a suspicion may settle it ("会不会是多线程？⏎⏎…果然找到了").
      text.split(/\n{2,}/).forEach((paragraph, i, all) => this.hypotheses.suspicions(paragraph, all[i + 1]))
    this.hypotheses.settleGroups()
    if (!pm.actionItems.length) pm.actionItems.push(...followUpsIn(pm.resolution))
    if (!pm.rootCause) {
      const confirmed = pm.hypotheses.filter((h) => h.status === 'CONFIRMED')
      pm.rootCause = confirmed.map((h) => `${h.statement}${causeIn(h.evidence)}`).join('\n\n')
      if (pm.rootCause) this.sure('rootCause', SURE.sentence)
    }
    for (const [field, confidence] of Object.entries(deriveMissing(pm, this.context)))
      this.sure(field as keyof Confidence, confidence)
    this.hypotheses.ruleOutAgainst(pm.rootCause, pm.resolution)
    pm.metric = findMetric(pm)
    pm.confidence = this.confidence
  }
}

/**
 * "**Problem**: the handler never checked …" under a root-cause heading: a label that names what
 * went wrong, inside a cause, describes that cause (not what users saw).
 */
const describesCause = (section: Section, parent: Field | null) =>
  parent === 'rootCause' && !Number.isInteger(section.depth) && section.match?.field === 'symptom'

/**
 * What a confirmed hypothesis's evidence says of the cause: its first paragraph, and any later
 * one that states the cause ("所以至此基本明确了，…是造成本次故障的主要原因").
 */
function causeIn(evidence: string) {
  const [first, ...rest] = evidence.split('\n\n')
  if (!first) return ''
  const stated = rest.filter((p) => rootCauseSentence([p])?.sure)
  return `：${[first, ...stated].join('\n\n')}`
}

const dayOf = (heading: string, context: TimeContext) => findDate(heading, context.offset) ?? context.day

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

/** A list whose every item is only a URL ("- https://…/issues/320", "- [#320](…)"), with no words of its own. */
const isLinkList = (node: RootContent) =>
  node.type === 'list' &&
  node.children.every((item) =>
    /^<?https?:\/\/\S+>?$|^\[(?:https?:\/\/\S+|#?\d+)\]\([^)]*\)$/.test(
      markdown(item.children as RootContent[]).trim(),
    ),
  )

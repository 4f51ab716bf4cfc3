import type { HypothesisStatus, ParsedHypothesis } from '../parsed-retro'
import { overlap, sentences, tokens, toNumber } from '../text'
import { blocks, join, parseMarkdown, type Block, isLeadIn } from './markdown'
import { alternation, cuePattern, hasCue, kept } from './vocabulary'
import { weighedCauses } from './weighed-causes'

/*
 * The causes a retro weighs: numbered "possible causes" (items that carry their own verdict
 * after a colon), questions an investigation asks ("是否有大量的写操作？没有"), suspicions told
 * anywhere ("怀疑是…", "we suspected …"), and the sentences that settle them: explicit references
 * ("针对可能原因1", "3排除", "hypothesis 2") or the hypothesis a finding shares most words with.
 */

const EITHER_OR = kept(() => new RegExp(`\\s*(?:${alternation('eitherOr')})\\s*`, 'iu'))

/**
 * The causes one suspicion names as alternatives ("X or Y", "X或者Y"): each when both say
 * enough to check on their own (two words; four characters), else the suspicion whole.
 */
export function alternatives(subject: string): string[] {
  const parts = subject.split(EITHER_OR())
  const enough = (part: string) =>
    /\p{Script=Han}/u.test(part) ? part.replace(/\s/g, '').length >= 4 : part.trim().split(/\s+/).length >= 2
  return parts.length === 2 && parts.every(enough) ? parts.map((p) => p.trim()) : [subject]
}

export function verdictOf(text: string): HypothesisStatus | null {
  if (hasCue(text, 'eliminated')) return 'ELIMINATED'
  if (hasCue(text, 'confirmed')) return 'CONFIRMED'
  return null
}

const digit = '[0-9０-９一二三四五六七八九十]'
/** "针对可能原因1", "针对问题2，3，4", "针对3和4". */
const REFERENCE_LISTED = kept(
  () =>
    new RegExp(
      `(?:${alternation('referenceLead')})\\s*(?:${alternation('referenceNoun')})?\\s*(${digit}(?:\\s*[，,、和与及]\\s*${digit})*)`,
      'g',
    ),
)
/** "hypothesis 2". */
const REFERENCE_NUMBERED = kept(
  () => new RegExp(`(?:${alternation('referenceNumbered')})\\s*#?\\s*([0-9]{1,2})`, 'giu'),
)
/** "3排除", "于是2和4已排除". */
const NUMBER_ELIMINATED = kept(
  () =>
    new RegExp(
      `(?:^|[，,。；;\\s于是])([0-9])(?:\\s*[和,，、]\\s*([0-9]))?\\s*(?:已)?(?:${alternation('eliminated')})`,
      'giu',
    ),
)
const QUESTION = kept(
  () =>
    new RegExp(
      `^\\s*(?:${alternation('questionHypothesis')})\\s*([^，,。；;？?\\n]{2,60})[？?，,。；;\\n]?\\s*([\\s\\S]*)$`,
      'iu',
    ),
)
/**
 * A suspicion, a cause stated as ruled out ("确定了不是X"), or one an investigation checked
 * ("排查是否X"). The subject ends at punctuation, a dash, or where the sentence turns ("… written
 * off as X but is actually Y"). Global: used with matchAll only.
 */
const SUSPICION = kept(
  () =>
    new RegExp(
      `(?:${alternation('suspect')}|(${alternation('ruledOutSubject')})|(${alternation('checkWhether')}))\\s*([^，,。；;？?!！]{2,60}?)(的问题|问题)?[了吧呢啊]?(?:[，,。；;？?!！…]|\\.{3}|\\s+[-–—]\\s+|\\s+(?=(?:${alternation('hypothesisEnd')})(?![a-z]))|$)`,
      'giu',
    ),
)
const HYPOTHESIS_END = kept(() => new RegExp(`\\s*(?:${alternation('hypothesisEnd')})\\s*`, 'iu'))
const CONFIRMS = kept(
  () =>
    new RegExp(
      `(?:${alternation('confirmsSubject')})\\s*([^，,。；;]{2,60}?)(?:导致|引起|造成|[，,。；;]|$)`,
      'iu',
    ),
)
const LEAD_IN = kept(
  () =>
    new RegExp(
      `(?:${alternation('hypothesisLeadIn')})[^\\n]{0,40}[:：]?\\s*\\n+((?:[ \\t]*\\d+[.)、][ \\t]+\\S[^\\n]*\\n?)+)`,
      'iu',
    ),
)

export class Hypotheses {
  constructor(readonly list: ParsedHypothesis[]) {}

  /** 1-based number in the latest "possible causes" list → index in pm.hypotheses. */
  numbering = new Map<number, number>()
  /** Causes an investigation step weighed together ("针对问题2，3，4"), as indexes in the list. */
  private groups: number[][] = []
  add(statement: string, evidence = '', status: HypothesisStatus = 'OPEN') {
    this.list.push({ statement, evidence, status })
    return this.list.length - 1
  }

  note(index: number, evidence: string, cueText = evidence) {
    const h = this.list[index]
    if (!h) return
    if (!h.evidence.includes(evidence)) h.evidence = join(h.evidence, evidence)
    const verdict = verdictOf(cueText)
    if (verdict) h.status = verdict
  }

  /** "可能原因": a numbered list; "cause：why not" items carry their own verdict. */
  possibleCauses(parts: Block[]) {
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
        this.numbering.set(ordinal ?? i + 1, this.add(statement, evidence, status))
      })
  }

  /** Explicit references: "针对可能原因1", "针对问题2，3，4", "针对3和4", "hypothesis 2", "3排除". */
  references(text: string): number[] {
    const found = new Set<number>()
    for (const m of text.matchAll(REFERENCE_LISTED()))
      for (const token of m[1]!.split(/\s*[，,、和与及]\s*/)) {
        const n = toNumber(token)
        if (n) found.add(n)
      }
    for (const m of text.matchAll(REFERENCE_NUMBERED())) found.add(Number(m[1]))
    for (const m of text.matchAll(NUMBER_ELIMINATED())) {
      found.add(Number(m[1]))
      if (m[2]) found.add(Number(m[2]))
    }
    const indexes = [...found].flatMap((n) => (this.numbering.has(n) ? [this.numbering.get(n)!] : []))
    if (indexes.length > 1) this.groups.push(indexes)
    return indexes
  }

  /**
   * Causes weighed together are settled by elimination once the case is: the one confirmed
   * rules out those of its group still open ("针对问题2，3，4 … 108机器 … 问题得到解决"), and when
   * all but one were ruled out and the cause was found, the one left held ("针对3和4 … 3排除，确定就是主从延迟").
   */
  settleGroups() {
    if (!this.list.some((h) => h.status === 'CONFIRMED')) return
    for (const group of this.groups) {
      const members = group.map((i) => this.list[i]!)
      const open = members.filter((h) => h.status === 'OPEN')
      const confirmed = members.filter((h) => h.status === 'CONFIRMED').length
      if (confirmed === 1) for (const h of open) h.status = 'ELIMINATED'
      else if (confirmed === 0 && open.length === 1) open[0]!.status = 'CONFIRMED'
    }
  }

  /**
   * A suspicion the story never settled held when the root cause or the fix states it (most of
   * its words in one sentence); in a retro that names another root cause, it was ruled out on the
   * way; one that only shares a few of the root cause's words stays open for a person to settle.
   */
  ruleOutAgainst(rootCause: string, resolution = '') {
    if (!rootCause) return
    // "begins suspecting that prow is unable to deploy itself" … "Prow was then unable to deploy
    // itself, because …": a suspicion the cause or the fix states as fact held.
    const stated = sentences(`${rootCause}\n${resolution}`).filter(
      (s) => !hasCue(s, 'suspect') && !verdictOf(s) && !hasCue(s, 'negation'),
    )
    for (const h of this.list) {
      const words = tokens(h.statement).size
      if (h.status === 'OPEN' && stated.some((s) => overlap(h.statement, s) >= Math.max(3, 0.7 * words)))
        h.status = 'CONFIRMED'
    }
    for (const h of this.list)
      // "We do not know what triggered it. We think it was …": a guess the authors say is still open.
      if (h.status === 'OPEN' && overlap(h.statement, rootCause) < 4 && !hasCue(h.evidence, 'causeUnknown'))
        h.status = 'ELIMINATED'
  }

  /** "是否有大量的写操作 … 没有": a cause the investigation asks about, with the verdict its answer gives. */
  question(text: string): boolean {
    const m = QUESTION().exec(text)
    if (!m) return false
    const evidence = m[2]!.trim()
    const status = evidence
      ? (verdictOf(evidence) ?? (hasCue(evidence, 'negation') ? 'ELIMINATED' : 'OPEN'))
      : 'OPEN'
    this.add(m[1]!.trim(), evidence, status)
    return true
  }

  /** In "针对3和4，…于是怀疑是否是主从延迟的问题" the verdict words after a new suspicion are not about 3 and 4. */
  cueScope(text: string) {
    const cut = text.search(cuePattern('newSuspicion'))
    return cut > 0 ? text.slice(0, cut) : text
  }

  /** Texts already read for suspicions (an investigation paragraph is not read twice). */
  private suspected = new Set<string>()

  /**
   * "怀疑是否是主从延迟的问题", "we initially suspected spam", "为了排查是否由于 CLB 导致超时" → a new
   * hypothesis, unless one like it exists; the rest of its sentence and the next one say whether
   * it was ruled out or confirmed ("确定了不是X" says it itself).
   */
  suspicions(text: string, next = '') {
    if (this.suspected.has(text)) return
    this.suspected.add(text)
    const pattern = SUSPICION()
    const list = sentences(text)
    // "在故障排查中，走了一些弯路。比如一开始认为是…": what the paragraph then suspected was a wrong turn.
    let detour = false
    list.forEach((sentence, i) => {
      const wrongTurn = detour
      detour ||= hasCue(sentence, 'detour')
      // A cause already listed is not listed again (most of its words are already there).
      for (const { statement, status } of weighedCauses(sentence, list[i + 1]))
        if (
          !this.list.some((h) => overlap(h.statement, statement) >= Math.max(2, 0.7 * tokens(statement).size))
        )
          this.add(statement, sentence, status)
      // "说明不是数据源的问题，那就可能是数据采集节点的问题了": one sentence may weigh several.
      for (const m of sentence.matchAll(pattern)) {
        const subject = m[3]!
          .split(HYPOTHESIS_END())[0]!
          .trim()
          .replace(/[.。]$/, '')
          .replace(
            /^(?:that\s+)?(?:it|this|they)\s+(?:might|may|could|would|was|were|is)\s+(?:have\s+)?(?:be(?:en)?\s+)?/i,
            '',
          )
          .replace(/^(?:was|were|is|are)\s+/i, '')
          // "怀疑的是网络问题", "猜测会不会是硬件问题": the cause starts after the copula.
          .replace(/^(?:的是|会不会是|可能是|是)/u, '')
        // "they were", "OK的": too little to be a cause anyone could check ("we suspected spam" is one).
        const han = /\p{Script=Han}/u.test(subject)
        if (subject.length < 2) continue
        // "网络问题": a short cause is named with the word "problem" it came with.
        const named = han && m[4] && subject.length <= 3 ? `${subject}${m[4]}` : subject
        if (han && named.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '').length < 3) continue
        // "investigating if we actually had a database outage": what was checked may start with "we".
        const pronoun = m[2]
          ? /^(?:it|they|this|that)\b/i
          : /^(?:it|they|this|that|we|he|she|something|nothing|anything|so|as|otherwise)\b/i
        if (pronoun.test(subject)) continue
        // "After deploying the fix I monitored the logs to see whether any more errors would occur":
        // checking a fix held is verification, not a cause considered.
        if (m[2] && hasCue(sentence.slice(0, m.index), 'resolutionWords')) continue
        // "查看是否设置成功", "to see whether the change took effect": so is checking that a change took.
        if (m[2] && hasCue(named, 'tookEffect')) continue
        if (this.list.some((h) => overlap(h.statement, named) >= Math.max(2, named.length - 1))) continue
        const after = `${sentence.slice(m.index + m[0].length)} ${list[i + 1] ?? sentences(next)[0] ?? ''}`
        const verdict = m[1] ? 'ELIMINATED' : verdictOf(after)
        // "We suspected the load balancer, but its logs looked fine": found fine is ruled out.
        const fine = hasCue(after, 'notFound') || hasCue(after, 'nothingFound')
        // "难道我们在 nginx-ingress 上某个地方配置了 180s 超时吗？" … "目前怀疑是 nginx 某个地方存在 180s
        // 超时": the same cause asked again in other words is the one hypothesis, and what the
        // later telling says settles it.
        const same = this.list.findIndex(
          (h) => overlap(h.statement, named) >= Math.max(2, 0.7 * tokens(named).size),
        )
        if (same >= 0) {
          const status = verdict ?? (fine || wrongTurn ? 'ELIMINATED' : null)
          if (status) this.list[same]!.status = status
          this.list[same]!.evidence = join(this.list[same]!.evidence, sentence)
          continue
        }
        // "a code bug or error in database connection configuration": two causes weighed, each its own.
        // "We do not know what triggered it." before the suspicion belongs to its evidence.
        const unknown = i > 0 && hasCue(list[i - 1]!, 'causeUnknown') ? `${list[i - 1]} ` : ''
        for (const cause of alternatives(named))
          this.add(cause, `${unknown}${sentence}`, verdict ?? (fine || wrongTurn ? 'ELIMINATED' : 'OPEN'))
      }
    })
  }

  /** "确定就是主从延迟导致的" → the hypothesis that best matches "主从延迟" is confirmed. */
  confirmations(text: string) {
    for (const sentence of sentences(text)) {
      const m = CONFIRMS().exec(sentence)
      if (!m) continue
      const best = this.bestMatch(m[1]!, true)
      if (best !== null) this.note(best, text, m[0])
    }
  }

  /** The hypothesis sharing most words with the text (not already eliminated), if any share at least two. */
  bestMatch(text: string, includeEliminated = false): number | null {
    let best: number | null = null
    let score = 1
    this.list.forEach((h, i) => {
      if (!includeEliminated && h.status === 'ELIMINATED') return
      const s = overlap(h.statement, text)
      if (s > score) [best, score] = [i, s]
    })
    return best
  }

  /**
   * "We have 2 hypotheses:" followed by a numbered list, anywhere in the prose: the causes
   * considered; later mentions ("We test hypothesis 1 - the error is reproduced") set verdicts.
   */
  ledBy(texts: string[]) {
    if (this.list.length) return
    for (const text of texts) {
      const m = LEAD_IN().exec(text)
      if (!m) continue
      this.possibleCauses(blocks(parseMarkdown(m[1]!).children))
      for (const other of texts.flatMap((t) => t.split(/\n{2,}/)))
        for (const index of this.references(other))
          if (other !== text || verdictOf(other)) this.note(index, other)
      return
    }
  }
}

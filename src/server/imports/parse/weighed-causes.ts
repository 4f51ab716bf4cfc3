import type { HypothesisStatus } from '../parsed-retro'
import { alternation, cuePattern, kept } from './vocabulary'

/*
 * Causes an investigation weighs in one sentence without saying "suspected": a step that checked
 * one thing and found it fine, an enumeration of what was checked and moved past, alternatives
 * weighed against each other. Each comes with the verdict the sentence gives.
 */

export type WeighedCause = { statement: string; status: HypothesisStatus }

const CHECKED = kept(
  () =>
    new RegExp(
      `^\\s*(?:\\d+[.、)]\\s*)?(?:${alternation('checkedStep')})\\s*([^，,。；;？?]{2,40})[，,]\\s*(?:${alternation('nothingFound')})`,
      'iu',
    ),
)
/** "检查JVM内存配置项，未发现明显问题", "Checked the load balancer logs, nothing unusual": ruled out. */
function checked(sentence: string): WeighedCause[] {
  const m = CHECKED().exec(sentence)
  const statement = m?.[1]?.trim()
  return statement ? [{ statement, status: 'ELIMINATED' }] : []
}

const CHECKED_LIST = kept(
  () => new RegExp(`(?:^|\\s)(?:${alternation('checkedStep')})\\s+(.{6,300}?)(?:[。.;；]\\s*)?$`, 'iu'),
)
const NOTHING_FOUND_AFTER = kept(
  () => new RegExp(`[，,]?\\s*(?:${alternation('nothingFound')})[\\s\\S]*$`, 'iu'),
)
/**
 * "I checked the DHCP pools, L3 configs and assignments, and the controller configs. Checks passed.":
 * several things checked in one sentence, found fine there or in the next: each ruled out.
 */
function checkedList(sentence: string, next: string): WeighedCause[] {
  const m = CHECKED_LIST().exec(sentence)
  if (!m || !cuePattern('nothingFound').test(`${sentence} ${next}`)) return []
  const listed = m[1]!.replace(NOTHING_FOUND_AFTER(), '')
  // "A, B, and C" splits at its commas (an item may say "X and Y"); "A and B" or "A、B和C" at its conjunctions.
  const items = /[,，、]/.test(listed)
    ? listed.split(/\s*[,，、]\s*(?:and\s+|和|及)?/)
    : listed.split(/\s+and\s+|和|及/)
  if (items.length < 2) return []
  return items
    .map((s) => s.trim().replace(/^(?:the|our)\s+/i, ''))
    .filter((statement) => statement.length >= 2 && statement.length <= 80)
    .map((statement) => ({ statement, status: 'ELIMINATED' }))
}

const RULED_OUT = kept(
  () =>
    new RegExp(
      `(?:${alternation('ruledOutList')})\\s*((?:[^，,、。；;:：]{2,24}(?:[，,、]|\\s+and\\s+|和|及)\\s*)+[^，,、。；;:：]{2,24}?)(?:等|[。；;.]|$)`,
      'iu',
    ),
)
/** "也排查了API调用量突增、外部恶意访问等", "we also ruled out DNS, the CDN and the load balancer": each ruled out. */
function ruledOut(sentence: string): WeighedCause[] {
  const m = RULED_OUT().exec(sentence)
  if (!m) return []
  const items = m[1]!.split(/\s*(?:[，,、]|\s+and\s+|和|及)\s*/).map((s) => s.trim())
  // "A、B等，都不是": the list ends at "等" (etc.).
  const end = items.findIndex((item) => item.endsWith('等'))
  return (end < 0 ? items : items.slice(0, end + 1))
    .map((s) => s.replace(/等$/, ''))
    .filter((statement) => statement.length >= 2)
    .map((statement) => ({ statement, status: 'ELIMINATED' }))
}

/**
 * "An incidental DNS outage was also noted … but was deemed unrelated", "CDN 抖动与本次故障无关": a
 * cause noticed and set aside, named by the sentence's subject.
 */
function setAside(sentence: string): WeighedCause[] {
  const cue = cuePattern('deemedUnrelated').exec(sentence)
  if (!cue) return []
  const before = sentence.slice(0, cue.index).replace(/^\s*[-*+]\s+/, '')
  const subject = (/^(.{3,80}?)\s+(?:was|were|is|are|had been|has been)\b/i.exec(before)?.[1] ?? before)
    .replace(/[，,\s]+$/, '')
    .replace(/^(?:an?|the)\s+/i, '')
    .trim()
  if (subject.length < 3 || subject.length > 80 || /^(?:it|this|that|they)$/i.test(subject)) return []
  return [{ statement: subject, status: 'ELIMINATED' }]
}

const ALTERNATIVE = kept(() => new RegExp(`(?:${alternation('alternativeCause')})`, 'giu'))
/**
 * "要么超时设置得太短，要么消息处理太慢": alternatives, each one open. A question ("数据库就活该要么
 * OLAP，要么 OLTP 么？") asks something; it weighs no cause.
 */
function alternatives(sentence: string): WeighedCause[] {
  if (/[?？]\s*$/.test(sentence)) return []
  const parts = sentence.split(ALTERNATIVE()).slice(1)
  if (parts.length < 2) return []
  return parts
    .map((part) => part.replace(/[，,。；;.]+\s*$/, '').trim())
    .filter((statement) => statement.length >= 3)
    .map((statement) => ({ statement, status: 'OPEN' }))
}

/**
 * "程序问题的可能性更大", "a bad deploy was more likely": the cause the clause names as the likelier one,
 * open until the story settles it.
 */
function likelier(sentence: string): WeighedCause[] {
  const cue = cuePattern('likelier').exec(sentence)
  if (!cue) return []
  const clause = sentence
    .slice(0, cue.index)
    .split(/[，,。；;：:]/)
    .pop()!
  const statement = clause
    .replace(/^\s*(?:而|但|但是|所以|因此|反而|and|but|so)\s*/iu, '')
    .replace(/^(?:an?|the)\s+/i, '')
    .trim()
  return statement.length >= 2 && statement.length <= 40 ? [{ statement, status: 'OPEN' }] : []
}

export function weighedCauses(sentence: string, next = ''): WeighedCause[] {
  const found = checked(sentence)
  return [
    ...likelier(sentence),
    ...(found.length ? found : checkedList(sentence, next)),
    ...ruledOut(sentence),
    ...setAside(sentence),
    ...alternatives(sentence),
  ]
}

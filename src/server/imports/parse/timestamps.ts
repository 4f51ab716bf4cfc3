import * as chrono from 'chrono-node'
import { alternation } from './vocabulary'

/*
 * Timestamps at the start of a timeline line ("14:05 UTC", "2017-01-31 23:00", "Jan 31, 14:05",
 * "10月12日 14:05", "14点05分", "T+15m"). Absolute ones become ISO times (chrono-node) when the
 * day is known, from the stamp itself or from the date the section or document gives;
 * relative ones ("T+15m", "Day 2") stay as text.
 */

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
// "二月五日": a month and day in Chinese numerals.
const HAN_NUM = String.raw`[一二三四五六七八九十]{1,3}`
const DATE = String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\s*\d{1,2}月\s*\d{1,2}[日号]?|\d{4}年\s*${HAN_NUM}月\s*${HAN_NUM}[日号]|\d{1,2}月\s*\d{1,2}[日号]|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?(?:\s+\d{4})?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?)`
const SHORT_DATE = String.raw`\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?`
const CLOCK = String.raw`(?:\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?|(?:凌晨|早上|上午|中午|下午|傍晚|晚上|夜里|晚|早)?\s*\d{1,2}\s?(?:点|时)(?:\s?\d{1,2}\s?分|半)?|(?:凌晨|早上|上午|中午|下午|傍晚|晚上|夜里)\s*\d{1,2}:\d{2})`
const ZONE = String.raw`(?:\s*\(?(?:utc|gmt|z|pst|pdt|pt|est|edt|et|cst|cdt|cet|cest|bst|jst|ist|sgt|aest|北京时间|utc\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2})\)?(?![a-z]))?`
const RELATIVE = String.raw`(?:t\s*[+-]\s*\d+(?:\.\d+)?\s*(?:s|sec|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)?|t0|d\+\d+|day\s+\d+|第[一二三四五六七八九十\d]+天)`
const RELATIVE_STAMP = new RegExp(`^${RELATIVE}$`, 'iu')
const STAMP = new RegExp(
  String.raw`^[\s>*_\[(【]*(?:[±~≈约]|approx\.?|around|about|大约|大概)?\s*(?<stamp>(?:${DATE}(?:(?:[\s,T@-]+|(?<=[日号]))(?:at\s+)?${CLOCK})?(?:\s*[-–~至到]\s*${CLOCK})?|${SHORT_DATE}[\s,T@-]+${CLOCK}|${CLOCK}(?:\s*[-–~至到]\s*${CLOCK})?)${ZONE}|${RELATIVE})[\s*_\])】]*(?:[-–—:：|,，]\s*|\s+)(?<rest>\S[\s\S]*)$`,
  'iu',
)
// "2020-04-16 (all times UTC)": a day line may carry a note in brackets.
const DATE_ONLY = new RegExp(
  String.raw`^[\s*_]*(?:${DATE}|${SHORT_DATE})[\s*_:：]*(?:[(（][^)）\d]{0,40}[)）][\s*_:：]*)?$`,
  'iu',
)
const ANY_DATE = new RegExp(
  String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\s*\d{1,2}月\s*\d{1,2}[日号]?|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?\s+\d{4})`,
  'iu',
)

export type Stamped = { stamp: string; rest: string; relative: boolean }

/** The timestamp a line starts with, and the rest of the line. */
export function leadingStamp(raw: string): Stamped | null {
  // "Feb 28th **01:52**": emphasis inside a stamp is not part of it.
  const line = raw.replace(/\*\*|__/g, '').replace(/^(\s*)\\(?=[~±[])/, '$1')
  const m = STAMP.exec(line.split('\n', 1)[0]!.length < 400 ? line : line.slice(0, 400))
  if (!m?.groups) return null
  const stamp = m.groups.stamp!.trim()
  // "1 PM" is a time, "3 servers" is not: a lone number needs am/pm, 点 or a colon.
  if (/^\d{1,2}$/.test(stamp)) return null
  const rest = (line.length < 400 ? m.groups.rest! : m.groups.rest! + line.slice(400)).trim()
  return { stamp, rest, relative: RELATIVE_STAMP.test(stamp) }
}

/** "January 31, 2017" or "2017-01-31" alone: a heading or list item naming the day the lines below it share. */
export const isDateOnly = (text: string) => DATE_ONLY.test(text.trim())

/** The context a stamp is read in: the day (when known) and the document's time zone offset in minutes. */
export type TimeContext = { day: Date | null; offset: number }

/** The first full date (with a year) in a text, as a day. */
export function findDate(text: string, offset: number): Date | null {
  const m = ANY_DATE.exec(text)
  if (!m) return null
  return parse(m[0], { day: null, offset }, true)
}

/** Minutes east of UTC a document's times are in: stated ("All times UTC", "PST") or by its language. */
export function documentOffset(text: string): number {
  const zone = /\b(UTC|GMT|PST|PDT|EST|EDT|CET|CEST|JST|IST)\b|北京时间/.exec(text)?.[0]
  const known: Record<string, number> = {
    UTC: 0,
    GMT: 0,
    PST: -480,
    PDT: -420,
    EST: -300,
    EDT: -240,
    CET: 60,
    CEST: 120,
    JST: 540,
    IST: 330,
    北京时间: 480,
  }
  if (zone) return known[zone] ?? 0
  return /\p{Script=Han}/u.test(text.slice(0, 2000)) ? 480 : 0
}

function parse(stamp: string, context: TimeContext, dayOnly = false): Date | null {
  const han = /\p{Script=Han}/u.test(stamp)
  const reference = { instant: context.day ?? new Date(Date.UTC(2000, 0, 1)), timezone: context.offset }
  // "晚8点", "早9点": the short forms of 晚上 / 早上 chrono does not know ("晚19点" is 19点).
  const text = han
    ? stamp
        .replace(/[晚早](?![上间])(?=\s*(?:1[3-9]|2[0-3]))/u, '')
        .replace(/([晚早])(?![上间])(?=\s*\d)/u, '$1上')
    : stamp
  const [result] = (han ? chrono.zh.hans : chrono.en).parse(text, reference, { forwardDate: false })
  if (!result) return null
  if (!dayOnly && !result.start.isCertain('hour') && !result.start.isCertain('day')) return null
  if (!result.start.isCertain('day') && !context.day) return null
  if (!result.start.isCertain('year') && !context.day) return null
  return result.start.date()
}

/** The stamp as an ISO time, or null when the day is unknown or the stamp is relative. */
export function stampTime(stamp: Stamped, context: TimeContext): string | null {
  if (stamp.relative) return null
  const date = parse(stamp.stamp, context)
  if (!date || Number.isNaN(date.getTime())) return null
  const year = date.getUTCFullYear()
  return year >= 1990 && year <= 2100 ? date.toISOString() : null
}

const CLOCK_IN_PROSE = new RegExp(String.raw`(?:${DATE}[\s,T@-]*)?(?<![\d.:])${CLOCK}(?![\d:])${ZONE}`, 'iu')

/**
 * The moment a sentence of prose names ("当天下午 5 点左右", "at 17:20 UTC"): undefined when it names
 * none, null when it names a time of an unknown day.
 */
export function timeIn(sentence: string, context: TimeContext): string | null | undefined {
  const m = CLOCK_IN_PROSE.exec(sentence.replace(/\*\*|__/g, ''))
  if (!m || /^\d{1,2}$/.test(m[0].trim())) return undefined
  // A clock needs a colon, am/pm or 点/时: "3 servers" or "版本 1.2" are not times.
  if (!/[:点时]|[ap]\.?m/i.test(m[0])) return undefined
  return stampTime({ stamp: m[0].trim(), rest: '', relative: false }, context)
}

/**
 * "Between 21:27 UTC and 07:27 UTC hex.pm was down", "from 15:30 to 18:10", "5月8日至27日期间":
 * a sentence that names when the incident began and ended, its window rather than a moment.
 */
export function statesWindow(sentence: string): boolean {
  const text = sentence.replace(/\*\*|__/g, '')
  const results = (/\p{Script=Han}/u.test(text) ? chrono.zh.hans : chrono.en).parse(text)
  if (results.some((r) => r.end)) return true
  return results.some((r) => SECOND_MOMENT.test(text.slice(r.index + r.text.length)))
}

/** After a first moment: a join ("and", "至"), then a second moment close behind, a time or a day. */
const SECOND_MOMENT = new RegExp(
  String.raw`^\s*(?:${alternation('timeSpanJoin')})\s*\D{0,16}?(?:${DATE}|${CLOCK}|\d{1,2}\s*[日号])`,
  'iu',
)

const LEADING_DATE = new RegExp(String.raw`^[\s*_\[(]*(?:${DATE}|${SHORT_DATE})(?![\d])`, 'iu')

/** "2024-02-07 网站无法访问", "March 3: …": a heading that starts with a day. */
export const startsWithDate = (text: string) => LEADING_DATE.test(text)

const OPENING_DATE = new RegExp(
  String.raw`^[\s*_]*(?:[a-z]+(?:\s+[a-z]+){0,3},\s*)?(?:(?:also\s+|then\s+)?on\s+(?:the\s+)?|(?:also\s+)?in\s+the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\s+of\s+|在|于)?(?:${DATE})(?![\d])`,
  'iu',
)

/** "On 13 April 2026, a subset of CDN servers …", "The next day, on 14 April 2026, …", "2024年3月5日，…": prose that opens with the day it tells of. */
export const opensWithDate = (text: string) => OPENING_DATE.test(text)

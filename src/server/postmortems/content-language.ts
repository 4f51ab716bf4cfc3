/**
 * The language a postmortem is written in, so that its text is read out with the right voice
 * (WCAG 3.1.2) whatever the reader's interface language. Isomorphic: no server-only, no Prisma.
 */
export const contentLanguages = ['en', 'zh-CN'] as const
export type ContentLanguage = (typeof contentLanguages)[number]

/** CJK Unified Ideographs and Extension A: the same ranges as the migration's backfill. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/g
const LATIN_WORD = /[A-Za-z]+/g
/**
 * The text's language, or null when it has no letters at all. A Chinese sentence names its
 * English terms ("MySQL 主从延迟导致缓存过期") and an English one may quote a Chinese error: a
 * text is Chinese when it has at least as many Han characters as Latin words.
 */
export function detectLanguage(text: string): ContentLanguage | null {
  const han = text.match(HAN)?.length ?? 0
  const words = text.match(LATIN_WORD)?.length ?? 0
  if (!han && !words) return null
  return han >= words ? 'zh-CN' : 'en'
}

/** The prose fields of a postmortem that decide its language (the backfill reads the same columns). */
export type LanguageFields = {
  title: string
  summary: string
  symptom: string
  detection: string
  impact: string
  rootCause: string
  resolution: string
  verification: string
}

export function detectContentLanguage(doc: LanguageFields): ContentLanguage | null {
  return detectLanguage(
    [
      doc.title,
      doc.summary,
      doc.symptom,
      doc.detection,
      doc.impact,
      doc.rootCause,
      doc.resolution,
      doc.verification,
    ].join('\n'),
  )
}

/** The stored language, or for a row written before it was stored, the one its title shows. */
export function contentLanguageOf(row: { language: string | null; title: string }): ContentLanguage | null {
  const stored = contentLanguages.find((l) => l === row.language)
  return stored ?? detectLanguage(row.title)
}

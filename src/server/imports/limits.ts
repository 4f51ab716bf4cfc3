/*
 * What one import preview may ask of the server. The parser is linear, but not cheap: about
 * a second per megabyte and a third of a millisecond per heading on a small server, all of it
 * on the one thread that answers every request. Real retros are far below these limits (the
 * largest in the corpus is 35 KB with 47 headings); a document above them is refused before
 * parsing, saying which limit and by how much. The command-line import (no server to stall)
 * keeps the 5 MB cap of MAX_IMPORT_BYTES only.
 *
 * Plain TypeScript without server-only: the import wizard shows the same limits.
 */

export const PREVIEW_LIMITS = {
  /** UTF-8 bytes of the document. */
  bytes: 512 * 1024,
  /** Heading lines (`#` … `######`, or a `===`/`---` underline). */
  headings: 1_000,
} as const
export type PreviewLimits = { bytes: number; headings: number }

export type PreviewLimitName = keyof PreviewLimits
/** A limit a document is over: which, the most allowed, what the document has, the excess. */
export type ExceededLimit = { name: PreviewLimitName; max: number; actual: number; over: number }

/** The i18n key (under ImportPage.errors) and API message of each limit. */
export const limitMessage = { bytes: 'TOO_LARGE', headings: 'TOO_MANY_HEADINGS' } as const

/** UTF-8 length without encoding the text (the browser has no Buffer). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

const headingLine = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|(?:=+|-+)[ \t]*$)/gm

export function exceeded(name: PreviewLimitName, max: number, actual: number): ExceededLimit | null {
  return actual > max ? { name, max, actual, over: actual - max } : null
}

/** The first limit a document is over, checked in linear time before any parsing; or null. */
export function exceededPreviewLimit(
  source: string,
  limits: PreviewLimits = PREVIEW_LIMITS,
): ExceededLimit | null {
  const size = exceeded('bytes', limits.bytes, utf8Length(source))
  if (size) return size
  return exceeded('headings', limits.headings, source.match(headingLine)?.length ?? 0)
}

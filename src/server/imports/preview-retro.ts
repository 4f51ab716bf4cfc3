import { err, ok, type Result } from '../result'
import { exceededPreviewLimit, limitMessage, PREVIEW_LIMITS, type PreviewLimits } from './limits'
import { parseRetro, type ParsedRetro } from './parse-retro'

/** The most any import reads, the command line's too. Previews have PREVIEW_LIMITS. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

export type ImportError = 'EMPTY' | 'TOO_LARGE' | 'TOO_MANY_HEADINGS' | 'BINARY' | 'NO_STRUCTURE'

/** Checks a document before parsing: size, text, headings. Returns the reason it cannot be imported. */
export function checkSource(source: string): ImportError | null {
  if (!source.trim()) return 'EMPTY'
  if (Buffer.byteLength(source) > MAX_IMPORT_BYTES) return 'TOO_LARGE'
  // NUL or many replacement characters: not a text file.
  if (source.includes('\u0000') || (source.match(/\uFFFD/g)?.length ?? 0) > 8) return 'BINARY'
  // Without headings, a retro is still several paragraphs (a status-page notice, free prose);
  // one line of text is not one.
  const paragraphs = source.split(/\n\s*\n/).filter((p) => p.trim()).length
  if (!/^\s{0,3}#{1,6}\s+\S/m.test(source) && (paragraphs < 2 || source.trim().length < 80))
    return 'NO_STRUCTURE'
  return null
}

/**
 * Parses a retro, or says why it cannot be imported. Within `limits` (the server's preview
 * budget unless the caller, like the command line, has no server to keep responsive).
 */
export function previewRetro(
  source: string,
  { limits = PREVIEW_LIMITS }: { limits?: PreviewLimits | null } = {},
): Result<ParsedRetro> {
  const over = limits ? exceededPreviewLimit(source, limits) : null
  if (over) return err('INVALID_INPUT', { message: limitMessage[over.name] })
  const problem = checkSource(source)
  if (problem) return err('INVALID_INPUT', { message: problem })
  return ok(parseRetro(source))
}

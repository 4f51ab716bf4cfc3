import { z } from 'zod'

/*
 * Every string a person or a client sends that Hindsight stores or searches starts from
 * storedText(), which puts it in the one form stored text has, before any other check (trim,
 * min, max). Plain zod: forms import it.
 * - No NUL (U+0000): Postgres text cannot hold one, and a single one in any saved field made
 *   Prisma fail (P2039) and the request answer 500. It is dropped.
 * - Line ends are `\n`: a text sent with Windows line ends (`\r\n`, or a lone `\r`) through the
 *   JSON API was stored with them, and the editors count a line end as one character. Typing in
 *   such a text landed one character further off for every line above the caret.
 * Nothing else in the text changes.
 */
export const inStoredForm = (value: string) => {
  const withoutNul = value.includes('\u0000') ? value.replaceAll('\u0000', '') : value
  return withoutNul.includes('\r') ? withoutNul.replace(/\r\n?/g, '\n') : withoutNul
}

/** `z.string()` for text that is stored: NULs dropped and line ends made `\n` first. */
export const storedText = () => z.string().overwrite(inStoredForm)

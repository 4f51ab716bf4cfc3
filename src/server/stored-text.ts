import { z } from 'zod'

/*
 * Postgres text cannot hold NUL (U+0000): a single one in any saved field made Prisma fail
 * (P2039) and the request answer 500. Every string a person or a client sends that
 * Hindsight stores or searches starts from storedText(), which drops NULs before any other
 * check (trim, min, max) — nothing else in the text changes. Plain zod: forms import it.
 */

export const withoutNul = (value: string) =>
  value.includes('\u0000') ? value.replaceAll('\u0000', '') : value

/** `z.string()` for text that is stored: NULs dropped first. */
export const storedText = () => z.string().overwrite(withoutNul)

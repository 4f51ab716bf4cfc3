/**
 * A Prisma filter for a text column that holds what a person typed, in any case. Prisma's
 * `contains` is an ILIKE that does not escape its pattern: `%`, `_` and `\` are escaped here, so
 * that they mean themselves ("100%" does not match "1000 users", "_" does not match everything).
 */
export function holdingText(typed: string) {
  return { contains: typed.replace(/[\\%_]/g, (c) => `\\${c}`), mode: 'insensitive' } as const
}

/*
 * Order keys for the items of a list in the shared document (decision 019). A key is a base-36
 * fraction written without its "0." ("i" is one half), so keys compare as plain strings and
 * there is always another key between two of them. Moving an item sets its key; deleting and
 * re-inserting it would drop what someone types into it at the same time.
 * The midpoint is the one of fractional indexing (Evan Wallace, David Greenspan); no key ends
 * in "0", which would leave no room below it.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'

/** A key this module could have written: the others (typed by a client) get a new one. */
export const isPositionKey = (key: unknown): key is string =>
  typeof key === 'string' && /^[0-9a-z]*[1-9a-z]$/.test(key)

/** A key after `a` ('' for the start) and before `b` (null for the end). */
export function keyBetween(a: string, b: string | null): string {
  if (b !== null && a >= b) throw new Error(`No key between "${a}" and "${b}"`)
  return midpoint(a, b)
}

function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0
    while ((a[n] ?? '0') === b[n]) n++
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n))
  }
  const digitA = a ? DIGITS.indexOf(a[0]!) : 0
  const digitB = b !== null ? DIGITS.indexOf(b[0]!) : DIGITS.length
  if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)]!
  if (b !== null && b.length > 1) return b.slice(0, 1)
  return DIGITS[digitA]! + midpoint(a.slice(1), null)
}

/** `n` keys in order between `a` and `b`, bisecting so that they stay short. */
export function keysBetween(a: string, b: string | null, n: number): string[] {
  if (n <= 0) return []
  const half = Math.floor(n / 2)
  const middle = keyBetween(a, b)
  return [...keysBetween(a, middle, half), middle, ...keysBetween(middle, b, n - half - 1)]
}

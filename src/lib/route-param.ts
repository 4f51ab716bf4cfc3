/**
 * A dynamic route segment as the text it names, or null when it cannot name anything: broken
 * percent-encoding (decodeURIComponent would throw), a NUL or other control character
 * (Postgres refuses 0x00 in text), or longer than `max`. Callers answer null with 404.
 */
export function decodeRouteParam(raw: string, max = 200): string | null {
  let value: string
  try {
    value = decodeURIComponent(raw)
  } catch {
    return null
  }
  if (value.length > max || /[\u0000-\u001f\u007f]/.test(value)) return null
  return value
}

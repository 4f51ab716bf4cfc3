/*
 * How a postmortem's number is written and read ("PM-12"). No other imports: client components
 * (lists, search results, insights) use it without bringing the schemas' zod to the browser.
 */

/** "PM-12", "pm-12" or "12" → 12. */
export function parsePostmortemNumber(value: string): number | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return null // broken percent-encoding ("%", "%E0%A4%A")
  }
  const match = /^(?:pm-)?(\d{1,9})$/i.exec(decoded.trim())
  return match ? Number(match[1]) : null
}

export const formatNumber = (number: number) => `PM-${number}`

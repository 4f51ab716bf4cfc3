// The unique markers that bench:collab's simulated authors type: whole words, one per edit,
// inserted only where a word starts, so that no later insert ever splits one.
import { documentTextFields } from '../../src/server/postmortems/document-values'

/** The texts authors type into (the long texts of a postmortem, each a Y.Text). */
export const MARKER_FIELDS = documentTextFields

const MARKER = /⟦a\d+-\d+⟧/g

/** The n-th marker of an author: unique in the whole run. */
export const markerOf = (author: number, n: number) => `⟦a${author}-${n}⟧`

/** Every marker in a text (or in a piece of one that was inserted). */
export const markersIn = (text: string): string[] => text.match(MARKER) ?? []

/**
 * Where a marker may go: the start, or right after a space (every marker is typed followed by
 * one), `pick` in [0, 1) choosing among those places.
 */
export function insertionPoint(text: string, pick: number): number {
  const points = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === ' ') points.push(i + 1)
  return points[Math.min(points.length - 1, Math.floor(pick * points.length))]!
}

/** The markers of `expected` that `texts` do not hold. */
export function missingMarkers(expected: Iterable<string>, texts: string[]): string[] {
  const found = new Set(texts.flatMap(markersIn))
  return [...expected].filter((m) => !found.has(m))
}

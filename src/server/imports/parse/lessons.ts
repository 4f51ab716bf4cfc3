import { isLeadIn, type Block } from './markdown'
import { isPlaceholder } from './vocabulary'

/**
 * The lessons of a section: one per list item or paragraph; a paragraph of several lines is one
 * lesson a line, unless it is prose hard-wrapped at a fixed width.
 */
export function lessonsIn(parts: Block[]): string[] {
  return parts
    .filter((p) => !isLeadIn(p.text) && !isPlaceholder(p.text))
    .flatMap((p) => {
      const lines = p.item ? [] : p.text.split('\n').filter((l) => l.trim())
      // Not a hard-wrapped paragraph: each line ends a sentence or the next starts a new one.
      const separate = lines.every(
        (l, i) =>
          i === lines.length - 1 ||
          /[.。!！?？;；]\s*$/.test(l) ||
          /^\s*[\p{Lu}\p{Script=Han}\d]/u.test(lines[i + 1]!),
      )
      return lines.length > 1 && separate && lines.every((l) => l.trim().length >= 12) ? lines : [p.text]
    })
}

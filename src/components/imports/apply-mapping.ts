import { textFields, UNSURE, type ParsedPostmortem, type TextField } from '@/server/imports/parsed-retro'

export { textFields }

/**
 * Where an unrecognised section goes unless the person says otherwise: the field the importer
 * proposes when that field is still empty; otherwise a note (never the same story twice).
 */
export const defaultTarget = (pm: ParsedPostmortem, u: ParsedPostmortem['unmapped'][number]): Target =>
  u.suggestion && !pm[u.suggestion] ? u.suggestion : 'note'

/** The parts of a postmortem the importer is unsure of: a person should read them before importing. */
export function unsureParts(pm: ParsedPostmortem): string[] {
  return Object.entries(pm.confidence ?? {})
    .filter(([, value]) => value !== undefined && value < UNSURE)
    .map(([field]) => field)
}
/** Where a found section goes: a text field, kept as a note (unmapped), or left out. */
export type Target = TextField | 'note' | 'drop'

/** Source key: a text field's name, or "unmapped:<index>". */
export type Mapping = Record<string, Target>

/** The postmortem with each found section moved where the person chose. */
export function applyMapping(pm: ParsedPostmortem, mapping: Mapping): ParsedPostmortem {
  const out: ParsedPostmortem = { ...pm, unmapped: [] }
  for (const field of textFields) out[field] = ''
  const put = (target: Target, heading: string, text: string) => {
    if (!text || target === 'drop') return
    if (target === 'note') out.unmapped.push({ heading, text })
    else out[target] = out[target] ? `${out[target]}\n\n${text}` : text
  }
  for (const field of textFields) put(mapping[field] ?? field, field, pm[field])
  pm.unmapped.forEach((u, i) => put(mapping[`unmapped:${i}`] ?? defaultTarget(pm, u), u.heading, u.text))
  return out
}

import type { PostmortemDocument } from '@/server/postmortems/schemas'

/** What every section of the editor receives. */
export type SectionProps = {
  doc: PostmortemDocument
  change: (patch: Partial<PostmortemDocument>) => void
  /** Field path → translated message ("symptom", "hypotheses.2.statement"). */
  errors: Record<string, string | undefined>
}

export type Person = { id: string; name: string }

import { memo, type ComponentType } from 'react'
import type { ListField } from '@/lib/shared-document/postmortem-ydoc'
import type { PostmortemDocument } from '@/server/postmortems/schemas'

/** What every section of the editor receives. */
export type SectionProps = {
  doc: PostmortemDocument
  change: (patch: Partial<PostmortemDocument>) => void
  /** Field path → translated message ("symptom", "hypotheses.2.statement"). */
  errors: Record<string, string | undefined>
  /** Starts a comment thread on a list entry (when comments are on). */
  commentOn?: (list: ListField, itemId: string) => void
}

export type Person = { id: string; name: string }

/**
 * A section that re-renders only when the parts of the document it reads (`reads`), its errors,
 * or its other props change: typing in one field does not redraw fifty hypotheses. Needs the
 * document from useSharedDocument (unchanged parts keep their identity) and a stable `change`.
 */
export function section<P extends SectionProps>(
  Component: ComponentType<P>,
  reads: (keyof PostmortemDocument)[],
) {
  return memo(Component, (a, b) =>
    (Object.keys(b) as (keyof P)[]).every((key) =>
      key === 'doc' ? reads.every((field) => a.doc[field] === b.doc[field]) : a[key] === b[key],
    ),
  )
}

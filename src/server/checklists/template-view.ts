import 'server-only'
import type { ItemRecurrence } from './recurrence'
import type { ItemSource } from './sources'

export type TemplateView = {
  id: string
  name: string
  description: string
  version: number
  archivedAt: Date | null
  items: {
    id: string
    text: string
    rationale: string
    category: string
    required: boolean
    version: number
    archivedAt: Date | null
    sources: ItemSource[]
    /** Launches that waived it or marked it not applicable, and the incidents that followed there. */
    skippedAt: ItemRecurrence[]
  }[]
}

import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { Empty } from '@/components/ui/empty'
import { PageHeader } from '@/components/ui/page-header'

export type SectionPageProps = {
  title: string
  description: string
  empty: { icon: LucideIcon; title: string; description: string; action?: ReactNode }
}

/** A section that has nothing to show yet: its header and an empty state saying what comes. */
export function EmptySectionPage({ title, description, empty }: SectionPageProps) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Empty {...empty} />
    </>
  )
}

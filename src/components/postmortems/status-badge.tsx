import { useTranslations } from '@/i18n/use-translations'
import { Badge } from '@/components/ui/badge'
import type { PostmortemStatus } from '@/server/postmortems/schemas'

const tone = { DRAFT: 'neutral', IN_REVIEW: 'accent', PUBLISHED: 'success' } as const

export function StatusBadge({ status }: { status: PostmortemStatus }) {
  const t = useTranslations('Enums.status')
  return <Badge tone={tone[status]}>{t(status)}</Badge>
}

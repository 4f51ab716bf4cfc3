import { useTranslations } from 'next-intl'
import type { ItemSource } from '@/server/checklists/sources'

/** "Learned from PM-12 · <title> · <root cause in one line>" */
export function ItemSources({ sources }: { sources: ItemSource[] }) {
  const t = useTranslations('ChecklistItem')
  if (!sources.length) return null
  return (
    <ul className="grid gap-0.5 text-xs text-muted-foreground">
      {sources.map((s) => (
        <li key={`${s.number}-${s.lesson}`} className="break-words">
          {t('learnedFrom')}{' '}
          <span lang={s.language ?? undefined}>
            {/* A plain link (the layout's SoftLinks navigate it): a template's page lists a hundred
                of these; as next/link each was rendered as a component and would prefetch a page. */}
            <a href={`/postmortems/${s.number}`} className="font-medium text-foreground hover:underline">
              PM-{s.number} · {s.title}
            </a>
            {s.rootCause ? <> · {s.rootCause}</> : null}
          </span>
        </li>
      ))}
    </ul>
  )
}

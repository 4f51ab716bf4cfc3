import Link from 'next/link'
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
            {/* Not prefetched: a template's page lists a hundred of these, and each prefetch renders a page. */}
            <Link
              href={`/postmortems/${s.number}`}
              prefetch={false}
              className="font-medium text-foreground hover:underline"
            >
              PM-{s.number} · {s.title}
            </Link>
            {s.rootCause ? <> · {s.rootCause}</> : null}
          </span>
        </li>
      ))}
    </ul>
  )
}

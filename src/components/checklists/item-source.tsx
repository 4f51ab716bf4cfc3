import { useTranslations } from '@/i18n/use-translations'
import type { ShownSource } from '@/server/checklists/template-view'

/** "Learned from PM-12 · <title> · <root cause in one line>" */
export function ItemSources({ sources }: { sources: ShownSource[] }) {
  const t = useTranslations('ChecklistItem')
  if (!sources.length) return null
  const learnedFrom = t('learnedFrom')
  return (
    // The links' style is the list's (`[&_a]:`), not each link's: a template's page lists a hundred.
    <ul className="grid gap-0.5 text-xs break-words text-muted-foreground [&_a]:font-medium [&_a]:text-foreground [&_a]:hover:underline">
      {sources.map((s, i) => (
        // Two lessons of one postmortem are two sources of the same number.
        <li key={`${s.number}-${i}`}>
          {`${learnedFrom} `}
          <span lang={s.language ?? undefined}>
            {/* A plain link (the layout's SoftLinks navigate it): a template's page lists a hundred
                of these; as next/link each was rendered as a component and would prefetch a page. */}
            <a href={`/postmortems/${s.number}`}>{`PM-${s.number} · ${s.title}`}</a>
            {s.rootCause ? ` · ${s.rootCause}` : null}
          </span>
        </li>
      ))}
    </ul>
  )
}

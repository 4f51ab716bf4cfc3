'use client'

import { useTranslations } from '@/i18n/use-translations'
import { StatusBadge } from '@/components/postmortems/status-badge'
import { formatNumber } from '@/server/postmortems/postmortem-number'
import type { SearchResult } from '@/server/postmortems/search-postmortems'
import type { Snippet } from '@/server/search/snippets'
import { Highlighted } from './highlighted'

/**
 * The results of a search. A client component given the results as data: as server-rendered
 * elements, each result past the page's first few kilobytes was a row of the React payload of its
 * own and a segment of the HTML (decision 037).
 * Each row is a plain link, which the layout's SoftLinks area navigates: no next/link per row
 * (decision 055).
 */
export function SearchResults({ results }: { results: SearchResult[] }) {
  const t = useTranslations('SearchPage')
  const enums = useTranslations('Enums')
  const label = (s: Snippet) => {
    // Tags and services have their own labels in the filter form.
    if (s.field === 'tag' || s.field === 'service') return t(s.field)
    const field = t(`fields.${s.field}`)
    if (s.field === 'hypothesis' && s.status) return `${field} · ${enums(`hypothesis.${s.status}` as never)}`
    if (s.field === 'timeline' && s.status) return `${field} · ${enums(`timeline.${s.status}` as never)}`
    return field
  }
  return (
    <ol className="grid gap-2" aria-label={t('title')}>
      {results.map((r) => (
        <li key={r.id} className="grid gap-1.5 rounded-lg border border-border bg-card px-4 py-3">
          <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            <span className="font-mono">{formatNumber(r.number)}</span>
            <StatusBadge status={r.status} />
            {r.launch ? <span>{r.launch}</span> : null}
            {r.partial ? (
              <span className="rounded-sm border border-border px-1.5">{t('partial')}</span>
            ) : null}
          </div>
          <a
            href={`/postmortems/${r.number}`}
            lang={r.language ?? undefined}
            className="font-medium break-words text-primary hover:underline"
          >
            {r.title}
          </a>
          {r.snippets.length ? (
            <ul className="grid gap-1 text-sm">
              {r.snippets.map((s, i) => (
                <li key={i} className="break-words">
                  <span className="mr-1.5 text-xs font-medium text-muted-foreground">{label(s)}:</span>
                  <span lang={r.language ?? undefined}>
                    <Highlighted snippet={s} />
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

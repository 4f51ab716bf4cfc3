'use client'

import { useFormatter } from '@/i18n/use-formatter'
import { useTranslations } from '@/i18n/use-translations'
import { Badge } from '@/components/ui/badge'
import type { PostmortemListItem } from '@/server/postmortems/find-postmortems'
import { formatNumber } from '@/server/postmortems/postmortem-number'
import type { FindPostmortemsInput } from '@/server/postmortems/schemas'
import { Pager } from '@/components/ui/pager'
import { StatusBadge } from './status-badge'

function pageHref(input: FindPostmortemsInput, cursor: string | null) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...input, cursor }))
    if (value && !(key === 'sort' && value === 'updated')) params.set(key, String(value))
  const query = params.toString()
  return query ? `/postmortems?${query}` : '/postmortems'
}

/**
 * A page of postmortems. A client component given the page as data: as server-rendered elements,
 * each card past the page's first few kilobytes was a row of the React payload of its own and a
 * segment of the HTML (decision 037). `now` is the server's, so that "Updated 9 minutes ago"
 * reads the same in the HTML and once hydrated.
 * Each row is a plain link, which the layout's SoftLinks area navigates: no next/link per row
 * (decision 055).
 */
export function PostmortemList({
  items,
  input,
  nextCursor,
  now,
}: {
  items: PostmortemListItem[]
  input: FindPostmortemsInput
  nextCursor: string | null
  now: Date
}) {
  const t = useTranslations('PostmortemsPage')
  const enums = useTranslations('Enums')
  const format = useFormatter()
  return (
    <>
      <ul className="grid gap-2" aria-label={t('title')}>
        {items.map((pm) => (
          <li key={pm.number}>
            <a
              href={`/postmortems/${pm.number}`}
              className="grid gap-1.5 rounded-lg border border-border bg-card px-4 py-3 hover:border-primary/40 hover:bg-accent/30"
            >
              <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                <span className="font-mono">{formatNumber(pm.number)}</span>
                <StatusBadge status={pm.status} />
                {pm.severity ? (
                  <Badge tone={pm.severity === 'SEV1' || pm.severity === 'SEV2' ? 'danger' : 'neutral'}>
                    {enums(`severity.${pm.severity}`)}
                  </Badge>
                ) : null}
                {pm.launch ? <span>{pm.launch.name}</span> : null}
                <span className="ml-auto">
                  {t('updated', { date: format.relativeTime(pm.updatedAt, now) })}
                </span>
              </div>
              <span lang={pm.language ?? undefined} className="font-medium break-words">
                {pm.title}
              </span>
              {pm.symptom ? (
                <p lang={pm.language ?? undefined} className="line-clamp-2 text-sm text-muted-foreground">
                  {pm.symptom}
                </p>
              ) : null}
              {pm.tags.length || pm.services.length ? (
                <div className="flex flex-wrap gap-1">
                  {[...pm.services, ...pm.tags].map((name) => (
                    <Badge key={name}>{name}</Badge>
                  ))}
                </div>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
      <Pager
        back={input.cursor ? { href: pageHref(input, null), label: t('firstPage') } : null}
        older={nextCursor ? { href: pageHref(input, nextCursor), label: t('nextPage') } : null}
      />
    </>
  )
}

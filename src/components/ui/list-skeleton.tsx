import { getTranslations } from 'next-intl/server'

/**
 * What a list page shows while its data loads (a route's loading.tsx): the shape of a header and
 * a few rows, and "Loading…" for screen readers.
 */
export async function ListSkeleton({ rows = 5 }: { rows?: number }) {
  const t = await getTranslations('Common')
  return (
    <div role="status" aria-live="polite" className="grid gap-6">
      <span className="sr-only">{t('loading')}</span>
      <div aria-hidden className="grid gap-2">
        <div className="h-7 w-48 animate-pulse rounded-md bg-muted" />
        <div className="h-4 w-80 max-w-full animate-pulse rounded-md bg-muted" />
      </div>
      <ul aria-hidden className="grid gap-3">
        {Array.from({ length: rows }, (_, i) => (
          <li key={i} className="h-16 animate-pulse rounded-lg border bg-muted/50" />
        ))}
      </ul>
    </div>
  )
}

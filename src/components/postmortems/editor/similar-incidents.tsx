'use client'

import { Lightbulb } from 'lucide-react'
import { Link } from '@/components/ui/link'
import { useTranslations } from '@/i18n/use-translations'
import { useEffect, useState } from 'react'
import { Highlighted } from '@/components/search/highlighted'
import { callApi } from '@/lib/api-client'
import type { SimilarResponse } from '../../../../app/api/v1/search/similar/route'

const DEBOUNCE_MS = 600

/** Past postmortems like the one being written; refreshed as the text changes, stale requests cancelled. */
export function SimilarIncidents({ text, exclude }: { text: string; exclude: number }) {
  const t = useTranslations('SimilarIncidents')
  const [results, setResults] = useState<SimilarResponse['results'] | null>(null)
  const [loading, setLoading] = useState(false)

  useEffect(() => {
    if (text.trim().length < 4) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      setLoading(true)
      // Aborted by newer text, or offline: keep what is shown.
      const answer = await callApi('POST /api/v1/search/similar', {
        body: { text: text.slice(0, 20_000), exclude },
        signal: controller.signal,
      })
      if (answer.ok) setResults(answer.data.results)
      if (!controller.signal.aborted) setLoading(false)
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [text, exclude])

  return (
    <aside
      aria-labelledby="similar-title"
      className="grid gap-2 rounded-lg border border-border bg-card p-4 text-sm"
    >
      <h2 id="similar-title" className="inline-flex items-center gap-1.5 font-semibold">
        <Lightbulb className="size-4 text-warning" aria-hidden />
        {t('title')}
      </h2>
      <p className="text-xs text-muted-foreground">{loading ? t('loading') : t('hint')}</p>
      {results?.length ? (
        <ol className="grid gap-3">
          {results.map((r) => (
            <li key={r.number} className="grid gap-0.5">
              <Link
                href={`/postmortems/${r.number}`}
                target="_blank"
                className="font-medium break-words text-primary hover:underline"
              >
                PM-{r.number} · <span lang={r.language ?? undefined}>{r.title}</span>
              </Link>
              {r.sentence ? (
                <p lang={r.language ?? undefined} className="line-clamp-3 text-xs text-muted-foreground">
                  <Highlighted snippet={{ field: 'summary', text: r.sentence, highlights: r.highlights }} />
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : results ? (
        <p className="text-xs text-muted-foreground">{t('empty')}</p>
      ) : null}
    </aside>
  )
}

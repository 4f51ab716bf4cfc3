'use client'

import { Search } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useTranslations } from '@/i18n/use-translations'
import { Dialog } from 'radix-ui'
import { useEffect, useId, useState } from 'react'
import { callApi } from '@/lib/api-client'
import type { SearchApiResponse } from '../../../app/api/v1/search/route'
import { Highlighted } from './highlighted'

const DEBOUNCE_MS = 200

/**
 * Ctrl/Cmd-K from any page: type, see the best matches, Enter to open one. The input is an
 * ARIA 1.2 combobox with a listbox popup: arrowing moves `aria-activedescendant`, so a screen
 * reader reads each result while the focus stays in the input. Closing clears the query.
 */
export function CommandPalette() {
  const t = useTranslations('CommandPalette')
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<SearchApiResponse['results']>([])
  const [active, setActive] = useState(0)
  const listId = useId()
  const optionId = (i: number) => `${listId}-option-${i}`
  // Closed (Esc, Ctrl-K, a click outside, a result opened): the next opening starts empty.
  const [wasOpen, setWasOpen] = useState(open)
  if (wasOpen !== open) {
    setWasOpen(open)
    if (!open) {
      setQuery('')
      setResults([])
      setActive(0)
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'k' && (e.metaKey || e.ctrlKey)) {
        e.preventDefault()
        setOpen((o) => !o)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    if (!query.trim()) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      const answer = await callApi('GET /api/v1/search', {
        query: { limit: 8, q: query },
        signal: controller.signal,
      })
      if (answer.ok) {
        setResults(answer.data.results)
        setActive(0)
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query])

  const shown = query.trim() ? results : []
  const go = (href: string) => {
    setOpen(false)
    router.push(href as never)
  }
  const expanded = query.trim() !== ''
  const all = `/search?q=${encodeURIComponent(query)}`

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="inline-flex w-full items-center gap-2 rounded-md border border-input bg-card px-3 py-1.5 text-sm text-muted-foreground hover:bg-muted">
        <Search className="size-4" aria-hidden />
        <span className="flex-1 text-left">{t('open')}</span>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-foreground/20" />
        <Dialog.Content
          className="fixed top-[15dvh] left-1/2 z-50 grid w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 gap-2 rounded-lg border border-border bg-card p-3 shadow-xl"
          aria-describedby={undefined}
        >
          <Dialog.Title className="sr-only">{t('title')}</Dialog.Title>
          <input
            autoFocus
            role="combobox"
            aria-expanded={expanded}
            aria-controls={expanded ? listId : undefined}
            aria-autocomplete="list"
            aria-activedescendant={expanded ? optionId(active) : undefined}
            aria-label={t('title')}
            value={query}
            placeholder={t('placeholder')}
            maxLength={200}
            onChange={(e) => {
              setQuery(e.target.value)
              setActive(0)
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, shown.length))
              else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0))
              else if (e.key === 'Enter' && query.trim()) {
                e.preventDefault()
                const pick = shown[active]
                go(pick ? `/postmortems/${pick.number}` : all)
              } else return
              e.preventDefault()
            }}
            className="h-10 w-full rounded-md border border-input bg-background px-3 text-base"
          />
          {expanded ? (
            <ul
              id={listId}
              role="listbox"
              aria-label={t('resultsLabel')}
              className="grid max-h-[50dvh] gap-0.5 overflow-y-auto"
            >
              {shown.map((r, i) => (
                <li
                  key={r.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => go(`/postmortems/${r.number}`)}
                  className="cursor-pointer rounded px-2 py-1.5 text-sm aria-selected:bg-accent"
                >
                  <span className="mr-2 font-mono text-xs text-muted-foreground">PM-{r.number}</span>
                  <span lang={r.language ?? undefined}>{r.title}</span>
                  {r.snippets[0] ? (
                    <span
                      lang={r.language ?? undefined}
                      className="block truncate text-xs text-muted-foreground"
                    >
                      <Highlighted snippet={r.snippets[0]} />
                    </span>
                  ) : null}
                </li>
              ))}
              <li
                id={optionId(shown.length)}
                role="option"
                aria-selected={active === shown.length}
                onMouseEnter={() => setActive(shown.length)}
                onClick={() => go(all)}
                className="cursor-pointer rounded px-2 py-1.5 text-sm text-primary aria-selected:bg-accent"
              >
                {t('seeAll', { query: query.trim() })}
              </li>
            </ul>
          ) : null}
          <p
            role="status"
            className={expanded && !shown.length ? 'px-2 text-sm text-muted-foreground' : 'sr-only'}
          >
            {expanded ? (shown.length ? t('count', { count: shown.length }) : t('none')) : ''}
          </p>
          <p className="px-1 text-xs text-muted-foreground">{t('hint')}</p>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

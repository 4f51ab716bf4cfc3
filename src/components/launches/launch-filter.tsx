'use client'

import { useEffect, useId, useState } from 'react'
import { Input } from '@/components/ui/input'
import { callApi } from '@/lib/api-client'
import type { LaunchNamesResponse } from '../../../app/api/v1/launches/route'

const DEBOUNCE_MS = 150

/**
 * The launch filter of a GET form: a field for the launch's slug, which suggests the launches
 * whose name or slug holds what is typed (the browser's own list, `<datalist>`: its keys, its
 * screen-reader support). The suggestions are asked for once the field has the focus, so the
 * page carries none: a menu of every launch weighed on every list, search and insights page,
 * and a team's two hundred and first launch was missing from it (decision 052). Empty means
 * every launch.
 */
export function LaunchFilter({
  label,
  value,
  placeholder,
}: {
  label: string
  value: string | undefined
  /** What an empty field means ("All"). */
  placeholder: string
}) {
  const listId = useId()
  const [query, setQuery] = useState<string | null>(null)
  const [launches, setLaunches] = useState<LaunchNamesResponse['launches']>([])

  useEffect(() => {
    if (query === null) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      const answer = await callApi('GET /api/v1/launches', { query: { q: query }, signal: controller.signal })
      if (answer.ok) setLaunches(answer.data.launches)
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query])

  return (
    <label className="grid gap-1 text-xs text-muted-foreground">
      {label}
      <Input
        type="search"
        name="launch"
        defaultValue={value}
        placeholder={placeholder}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        onFocus={(event) => setQuery((q) => q ?? event.currentTarget.value.trim())}
        onChange={(event) => setQuery(event.currentTarget.value.trim())}
        className="h-8 w-48 text-sm text-foreground"
      />
      <datalist id={listId}>
        {launches.map((launch) => (
          <option key={launch.slug} value={launch.slug} label={launch.name} />
        ))}
      </datalist>
    </label>
  )
}

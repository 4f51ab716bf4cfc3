'use client'

import { useEffect, useId, useState } from 'react'
import { Input } from '@/components/ui/input'
import { callApi } from '@/lib/api-client'
import type { LaunchNamesResponse } from '../../../app/api/v1/launches/route'

const DEBOUNCE_MS = 150

/**
 * The field of the launch filter (`LaunchFilter`): it shows a launch's name and suggests the
 * launches whose name or slug holds what is typed (the browser's suggestion list, `<datalist>`).
 * The form sends the chosen launch's slug, as the addresses and the filters write it: the name
 * of a suggestion, typed or picked, becomes its slug, and anything else goes as typed. The
 * suggestions are asked for once the field has had the focus, so the page carries none
 * (decision 052).
 */
export function LaunchField({
  label,
  value,
  current,
  placeholder,
}: {
  label: string
  /** The slug the page is filtered by. */
  value: string | undefined
  /** Its launch's name, when the page knows it. */
  current: string | undefined
  /** What an empty field means ("All"). */
  placeholder: string
}) {
  const listId = useId()
  const shown = current ?? value ?? ''
  const [text, setText] = useState(shown)
  const [focused, setFocused] = useState(false)
  const [launches, setLaunches] = useState<LaunchNamesResponse['launches']>([])
  const typed = text.trim()

  useEffect(() => {
    if (!focused) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      const answer = await callApi('GET /api/v1/launches', { query: { q: typed }, signal: controller.signal })
      if (answer.ok) setLaunches(answer.data.launches)
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [focused, typed])

  const same = (a: string) => a.toLowerCase() === typed.toLowerCase()
  const slug =
    typed === shown ? (value ?? '') : (launches.find((l) => same(l.name) || same(l.slug))?.slug ?? typed)
  return (
    <label className="grid gap-1 text-xs text-muted-foreground">
      {label}
      <Input
        type="search"
        value={text}
        placeholder={placeholder}
        list={listId}
        autoComplete="off"
        maxLength={100}
        onFocus={() => setFocused(true)}
        onChange={(event) => setText(event.currentTarget.value)}
        className="h-8 w-48 text-sm text-foreground"
      />
      <input type="hidden" name="launch" value={slug} />
      <datalist id={listId}>
        {launches.map((launch) => (
          <option key={launch.slug} value={launch.name} />
        ))}
      </datalist>
    </label>
  )
}

'use client'

import { AlertTriangle, DatabaseZap, RotateCw } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useTranslations } from '@/i18n/use-translations'
import { startTransition, useEffect, useState } from 'react'
import { Button } from '@/components/ui/button'

const POLL_MS = 3_000

export type ErrorStateProps = { error: Error & { digest?: string }; reset: () => void }

/**
 * The error boundary's body. It asks /api/health whether the database is down: if so it
 * says so, keeps checking, and re-renders the page by itself once the database answers.
 */
export function ErrorState({ error, reset }: ErrorStateProps) {
  const t = useTranslations('HealthState')
  const common = useTranslations('Common')
  const router = useRouter()
  const [databaseDown, setDatabaseDown] = useState<boolean | null>(null)

  useEffect(() => {
    console.error(error)
  }, [error])

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const recover = () =>
      startTransition(() => {
        router.refresh()
        reset()
      })
    async function check() {
      const up = await fetch('/api/health', { cache: 'no-store' }).then(
        (r) => r.ok,
        () => false,
      )
      if (stopped) return
      if (up && databaseDown) return recover()
      setDatabaseDown(!up)
      if (!up) timer = setTimeout(check, POLL_MS)
    }
    void check()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [databaseDown, reset, router])

  const down = databaseDown === true
  const Icon = down ? DatabaseZap : AlertTriangle
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-3 px-6 py-16 text-center">
      <span className="rounded-full bg-destructive/10 p-3 text-destructive">
        <Icon className="size-6" aria-hidden />
      </span>
      <h1 className="text-lg font-semibold">{down ? t('dbUnavailableTitle') : t('errorTitle')}</h1>
      <p className="text-sm text-muted-foreground">
        {down ? t('dbUnavailableDescription') : t('errorDescription')}
      </p>
      {down ? (
        <p className="inline-flex items-center gap-2 text-xs text-muted-foreground">
          <RotateCw className="size-3 animate-spin" aria-hidden />
          {t('checking')}
        </p>
      ) : (
        <Button variant="secondary" onClick={() => startTransition(() => (router.refresh(), reset()))}>
          {common('retry')}
        </Button>
      )}
      {error.digest ? (
        <p className="text-xs text-muted-foreground">{t('errorReference', { digest: error.digest })}</p>
      ) : null}
    </div>
  )
}

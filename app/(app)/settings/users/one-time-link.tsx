'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useState } from 'react'
import { Button } from '@/components/ui/button'

/** A one-time link shown to the admin once, with a copy button (Hindsight sends no e-mail). */
export function OneTimeLink({ message, link }: { message: string; link: string }) {
  const t = useTranslations('UsersPage')
  const [copied, setCopied] = useState(false)
  return (
    <div
      role="status"
      className="grid gap-2 rounded-md border border-success/40 bg-success/5 px-3 py-2 text-sm font-normal"
    >
      <p>{message}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="one-time-link"
          aria-label={t('linkLabel')}
          className="min-w-0 flex-1 font-mono text-xs [overflow-wrap:anywhere] select-all"
        >
          {link}
        </code>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true))
          }}
        >
          {copied ? t('copied') : t('copyLink')}
        </Button>
      </div>
    </div>
  )
}

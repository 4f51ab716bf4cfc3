'use client'

import { Menu, X } from 'lucide-react'
import { useTranslations } from '@/i18n/use-translations'
import { useId, useRef, useState, type ReactNode } from 'react'
import { cn } from '@/lib/cn'

export type NavMenuProps = { brand: ReactNode; children: ReactNode; className?: string }

/**
 * The shell's navigation on a phone: a bar with the brand and a menu button that opens the
 * rest (search, sections, language, account). From md up the panel is always shown and the
 * button hidden, by CSS alone, so wide screens and the first paint need no script.
 */
export function NavMenu({ brand, children, className }: NavMenuProps) {
  const t = useTranslations('Nav')
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const id = useId()
  return (
    <div
      className={cn('contents', className)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return
        setOpen(false)
        button.current?.focus()
      }}
    >
      <div className="flex items-center justify-between gap-2">
        {brand}
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
          className="inline-flex items-center gap-1.5 rounded-md border border-input bg-card px-3 py-1.5 text-sm font-medium hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none md:hidden"
        >
          {open ? <X className="size-4" aria-hidden /> : <Menu className="size-4" aria-hidden />}
          {t('menu')}
        </button>
      </div>
      <div
        id={id}
        // A followed link closes the menu: the next page starts with its content, not the menu.
        onClick={(event) => {
          if ((event.target as Element).closest('a')) setOpen(false)
        }}
        className={cn('flex-1 flex-col gap-4 md:flex', open ? 'flex' : 'hidden')}
      >
        {children}
      </div>
    </div>
  )
}

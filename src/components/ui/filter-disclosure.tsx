'use client'

import { ChevronDown, SlidersHorizontal } from 'lucide-react'
import { useId, useState, type ReactNode } from 'react'
import { cn } from '@/lib/cn'

export type FilterDisclosureProps = {
  /** The button's text, saying how many filters are set (e.g. "Filters (2)"). */
  label: string
  children: ReactNode
  className?: string
}

/**
 * Filters folded behind a button on a phone, so the first result is on the first screen;
 * from md up they are always shown and the button is hidden. Closed or open is CSS
 * (`hidden md:flex`), so the server's HTML is already right on both sizes; the script only
 * toggles. The folded fields are still in their form and still submitted.
 */
export function FilterDisclosure({ label, children, className }: FilterDisclosureProps) {
  const [open, setOpen] = useState(false)
  const id = useId()
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex items-center gap-1.5 self-start justify-self-start rounded-md border border-input bg-card px-3 py-1.5 text-sm font-medium hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none md:hidden"
      >
        <SlidersHorizontal className="size-4" aria-hidden />
        {label}
        <ChevronDown className={cn('size-4 transition-transform', open && 'rotate-180')} aria-hidden />
      </button>
      <div id={id} className={cn(open ? 'flex' : 'hidden', 'md:flex', className)}>
        {children}
      </div>
    </>
  )
}

'use client'

import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react'
import { useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { cn } from '@/lib/cn'

export type ListEditorProps<T extends { id: string }> = {
  /** Names the list for assistive technology (and tests). */
  label: string
  heading?: { title: string; hint?: string }
  items: T[]
  onChange: (items: T[]) => void
  addLabel: string
  create: () => T
  itemTitle: (index: number) => string
  itemClassName?: (item: T) => string | undefined
  /** Replaces plain removal, e.g. to clear links that pointed at the item. */
  onRemove?: (index: number) => void
  children: (item: T, index: number, update: (patch: Partial<T>) => void) => ReactNode
}

/** An ordered list of items with move up / down, remove and add: hypotheses, timeline, questions… */
export function ListEditor<T extends { id: string }>({
  label,
  heading,
  items,
  onChange,
  addLabel,
  create,
  itemTitle,
  itemClassName,
  onRemove,
  children,
}: ListEditorProps<T>) {
  return (
    <div className="grid gap-3">
      {heading ? (
        <div>
          <h3 className="font-medium">{heading.title}</h3>
          {heading.hint ? <p className="text-sm text-muted-foreground">{heading.hint}</p> : null}
        </div>
      ) : null}
      <ol className="grid gap-3" aria-label={label}>
        {items.map((item, i) => (
          <ListItem
            key={item.id}
            title={itemTitle(i)}
            index={i}
            count={items.length}
            onMove={(from, to) => onChange(lists.move(items, from, to))}
            onRemove={() => (onRemove ? onRemove(i) : onChange(lists.remove(items, i)))}
            className={itemClassName?.(item)}
          >
            {children(item, i, (patch) => onChange(lists.update(items, i, patch)))}
          </ListItem>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        className="w-fit"
        onClick={() => onChange([...items, create()])}
      >
        <Plus aria-hidden />
        {addLabel}
      </Button>
    </div>
  )
}

/** One item of a list (a hypothesis, an action…): its title and keyboard-reachable move / remove buttons. */
export function ListItem({
  title,
  index,
  count,
  onMove,
  onRemove,
  children,
  className,
}: {
  title: ReactNode
  index: number
  count: number
  onMove: (from: number, to: number) => void
  onRemove: () => void
  children: ReactNode
  className?: string
}) {
  const t = useTranslations('PostmortemEditor')
  return (
    <li className={cn('grid gap-3 rounded-lg border border-border bg-card p-4', className)}>
      <div className="flex items-center justify-between gap-2">
        <h4 className="text-sm font-semibold">{title}</h4>
        <div className="flex gap-1">
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={t('moveUp')}
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          >
            <ArrowUp aria-hidden />
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={t('moveDown')}
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            <ArrowDown aria-hidden />
          </Button>
          <Button type="button" variant="ghost" size="icon" aria-label={t('remove')} onClick={onRemove}>
            <Trash2 aria-hidden />
          </Button>
        </div>
      </div>
      {children}
    </li>
  )
}

/** List editing helpers that return new arrays (the document is immutable state). */
export const lists = {
  move<T>(items: T[], from: number, to: number): T[] {
    if (to < 0 || to >= items.length) return items
    const next = [...items]
    const [moved] = next.splice(from, 1)
    next.splice(to, 0, moved!)
    return next
  },
  update<T>(items: T[], index: number, patch: Partial<T>): T[] {
    return items.map((item, i) => (i === index ? { ...item, ...patch } : item))
  },
  remove<T>(items: T[], index: number): T[] {
    return items.filter((_, i) => i !== index)
  },
}

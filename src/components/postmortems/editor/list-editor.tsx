'use client'

import { Plus } from 'lucide-react'
import { useTranslations } from '@/i18n/use-translations'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { arrowDownIcon, arrowUpIcon, commentIcon, trashIcon } from '@/components/ui/fixed-icons'
import { cn } from '@/lib/cn'
import { inIdleTurn } from './idle-turns'

export type ListEditorProps<T extends { id: string }> = {
  /** Names the list for assistive technology (and tests). */
  label: string
  heading?: { title: string; hint?: string }
  items: T[]
  onChange: (items: T[]) => void
  addLabel: string
  create: () => T
  itemTitle: (index: number) => string
  /** The item's own words (a statement, a title), added to the names of its buttons. */
  itemSummary?: (item: T) => string
  itemClassName?: (item: T) => string | undefined
  /**
   * About how tall an entry is, in rem, as it usually reads: what an entry not drawn yet (off
   * screen, or shown by its title until its turn) takes, so that the page does not move when it
   * is drawn (decision 072).
   */
  entryRem: number
  /** Replaces plain removal, e.g. to clear links that pointed at the item. */
  onRemove?: (index: number) => void
  /** Starts a comment thread on the item (on its main text, whole), once `itemSummary` says something. */
  onComment?: (item: T) => void
  children: (item: T, index: number, update: (patch: Partial<T>) => void) => ReactNode
}

/** Where the keyboard focus goes once the list has re-rendered after an action. */
type FocusAfter =
  | { to: 'first-field'; id: string }
  | { to: 'button'; id: string; button: 'up' | 'down' | 'remove' }
  | { to: 'add' }

const SUMMARY_LENGTH = 40

/**
 * Entries a list renders with the page, about one screen (decision 058), on the server and
 * while hydrating; each of the rest shows its title until its turn comes, a few entries at a
 * time when the browser is idle (`inIdleTurn`). A retro of fifty hypotheses and a hundred
 * moments sent every entry's fields in the HTML (2.2 MB: each moment's menu names every
 * hypothesis) and hydrated them all before the root cause showed its text; rendering the rest in
 * one step took 150–300 ms, which the first click or keystroke waited behind. Each entry waits with a state of its own, so that its
 * turn renders it alone (growing the list by a count re-rendered every entry already shown on
 * each step) and a moved entry keeps its place in one keyed list. Entries added once the list is
 * open render at once, as do those brought back by Undo.
 */
const FIRST_ENTRIES = 4
/** Whether an entry shows its fields: at once, or (`deferred`) from its idle turn on. */
function useShown(deferred: boolean) {
  const [shown, setShown] = useState(!deferred)
  useEffect(() => {
    if (!shown) return inIdleTurn(() => setShown(true))
  }, [shown])
  return shown
}

/** A list entry by its id, within `root`. */
export const entryOf = (root: ParentNode | null | undefined, id: string) =>
  root?.querySelector(`[data-item-id="${CSS.escape(id)}"]`)

/** Where the keyboard goes in an entry that is new, or back: its first field. */
export const firstFieldOf = (entry: Element | null | undefined) =>
  entry?.querySelector<HTMLElement>('input, textarea, select')

/** "Hypothesis 3: Firewall rules blocked the…", what an item's buttons are named after. */
export function itemName(title: string, summary: string | undefined) {
  const words = summary?.trim().replace(/\s+/g, ' ') ?? ''
  if (!words) return title
  return `${title}: ${words.length > SUMMARY_LENGTH ? `${words.slice(0, SUMMARY_LENGTH - 1)}…` : words}`
}

/**
 * An ordered list of items with move up / down, remove and add: hypotheses, timeline,
 * questions… Keyboard and screen reader users keep their place: the add button comes first
 * (not after every item's fields), a new item's first field takes the focus, a removed item
 * hands the focus to the next one (or to the add button), a moved item keeps it, and each
 * change is announced in a polite live region.
 */
export function ListEditor<T extends { id: string }>({
  label,
  heading,
  items,
  onChange,
  addLabel,
  create,
  itemTitle,
  itemSummary,
  itemClassName,
  entryRem,
  onRemove,
  onComment,
  children,
}: ListEditorProps<T>) {
  const t = useTranslations('PostmortemEditor')
  const list = useRef<HTMLOListElement>(null)
  const add = useRef<HTMLButtonElement>(null)
  const [focusAfter, setFocusAfter] = useState<FocusAfter>()
  const [announcement, setAnnouncement] = useState('')
  // The entries past the first screen when the list opened; those added later render at once,
  // and so does one that is removed and comes back (Undo): its id leaves the set with it.
  const [deferred] = useState(() => new Set(items.slice(FIRST_ENTRIES).map((item) => item.id)))
  useEffect(() => {
    if (!deferred.size) return
    const present = new Set(items.map((item) => item.id))
    for (const id of deferred) if (!present.has(id)) deferred.delete(id)
  }, [deferred, items])

  useEffect(() => {
    if (!focusAfter) return
    if (focusAfter.to === 'add') return add.current?.focus()
    const item = entryOf(list.current, focusAfter.id)
    const target =
      focusAfter.to === 'first-field'
        ? firstFieldOf(item)
        : item?.querySelector<HTMLElement>(`[data-list-action="${focusAfter.button}"]`)
    target?.focus()
  }, [focusAfter])

  const name = (i: number) => itemName(itemTitle(i), items[i] && itemSummary?.(items[i]))
  const move = (from: number, to: number) => {
    const moved = items[from]
    if (!moved || to < 0 || to >= items.length) return
    onChange(lists.move(items, from, to))
    setFocusAfter({ to: 'button', id: moved.id, button: to < from ? 'up' : 'down' })
    setAnnouncement(t('itemMoved', { item: itemTitle(from), n: to + 1 }))
  }
  const remove = (i: number) => {
    const next = items[i + 1] ?? items[i - 1]
    setAnnouncement(t('itemRemoved', { item: name(i) }))
    if (onRemove) onRemove(i)
    else onChange(lists.remove(items, i))
    setFocusAfter(next ? { to: 'button', id: next.id, button: 'remove' } : { to: 'add' })
  }
  const append = () => {
    const item = create()
    onChange([...items, item])
    setFocusAfter({ to: 'first-field', id: item.id })
    setAnnouncement(t('itemAdded', { item: itemTitle(items.length) }))
  }

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        {heading ? (
          <div>
            <h3 className="font-medium">{heading.title}</h3>
            {heading.hint ? <p className="text-sm text-muted-foreground">{heading.hint}</p> : null}
          </div>
        ) : null}
        <Button ref={add} type="button" variant="secondary" className="w-fit" onClick={append}>
          <Plus aria-hidden />
          {addLabel}
        </Button>
      </div>
      <ol ref={list} className="grid gap-3 empty:hidden" aria-label={label}>
        {items.map((item, i) => (
          <ListItem
            key={item.id}
            id={item.id}
            deferred={deferred.has(item.id)}
            title={itemTitle(i)}
            name={name(i)}
            headingLevel={heading ? 4 : 3}
            index={i}
            count={items.length}
            onMove={move}
            onRemove={() => remove(i)}
            // An entry with no words yet has nothing to comment on.
            onComment={onComment && itemSummary?.(item).trim() ? () => onComment(item) : undefined}
            className={itemClassName?.(item)}
            rem={entryRem}
          >
            {children(item, i, (patch) => onChange(lists.update(items, i, patch)))}
          </ListItem>
        ))}
      </ol>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  )
}

/** One item of a list (a hypothesis, an action…): its title and keyboard-reachable move / remove buttons. */
export function ListItem({
  id,
  deferred = false,
  title,
  name,
  headingLevel = 3,
  index,
  count,
  onMove,
  onRemove,
  onComment,
  children,
  className,
  rem,
}: {
  id: string
  /** Shows only its title until its idle turn (an entry past the first screen of a list that opened long). */
  deferred?: boolean
  title: ReactNode
  /** Names this item in its buttons ("Remove Hypothesis 3: …"). */
  name: string
  /** Below the list's own heading (h3) or straight under the section's (h2). */
  headingLevel?: 3 | 4
  index: number
  count: number
  onMove: (from: number, to: number) => void
  onRemove: () => void
  onComment?: () => void
  children: ReactNode
  className?: string
  /** About how tall it is, in rem, when drawn (ListEditor's `entryRem`). */
  rem: number
}) {
  const t = useTranslations('PostmortemEditor')
  const Heading = headingLevel === 4 ? 'h4' : 'h3'
  // aria-disabled, not disabled: the first item's Move up stays focusable after it got there.
  const first = index === 0
  const last = index === count - 1
  const shown = useShown(deferred)
  // Off screen, an entry is not laid out or painted (content-visibility): a retro of fifty
  // hypotheses and a hundred moments keeps typing anywhere in it as quick as in a short one.
  const itemClass = cn(
    'grid gap-3 rounded-lg border border-border bg-card p-4 [content-visibility:auto] print:[content-visibility:visible]',
    className,
  )
  // The height it takes off screen until it was drawn once (then the height it had), and, shown
  // by its title only, on screen: drawn whole, it pushes the entries below it by little. Its
  // height only: an intrinsic width would be the least the list's column can be (a phone's page
  // scrolled sideways).
  const size = `${rem}rem`
  const sized = { containIntrinsicBlockSize: `auto ${size}` }
  const heading = <Heading className="text-sm font-semibold">{title}</Heading>
  if (!shown)
    return (
      <li data-item-id={id} className={cn(itemClass, 'content-start')} style={{ ...sized, minHeight: size }}>
        {heading}
      </li>
    )
  return (
    <li data-item-id={id} className={itemClass} style={sized}>
      <div className="flex items-center justify-between gap-2">
        {heading}
        <div className="flex gap-1">
          {onComment ? (
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={t('commentOnItem', { item: name })}
              onClick={onComment}
            >
              {commentIcon}
            </Button>
          ) : null}
          <Button
            type="button"
            variant="ghost"
            size="icon"
            data-list-action="up"
            aria-label={t('moveUpItem', { item: name })}
            aria-disabled={first || undefined}
            className="aria-disabled:opacity-40"
            onClick={() => !first && onMove(index, index - 1)}
          >
            {arrowUpIcon}
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="icon"
            data-list-action="down"
            aria-label={t('moveDownItem', { item: name })}
            aria-disabled={last || undefined}
            className="aria-disabled:opacity-40"
            onClick={() => !last && onMove(index, index + 1)}
          >
            {arrowDownIcon}
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="icon"
            data-list-action="remove"
            aria-label={t('removeItem', { item: name })}
            onClick={onRemove}
          >
            {trashIcon}
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

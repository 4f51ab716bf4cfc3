'use client'

import type { Route } from 'next'
import { CloseActionItemForm, type CloseAction } from '@/components/postmortems/close-action-item-form'
import { Badge } from '@/components/ui/badge'

/**
 * A fact about a line of work, above its title: plain, a postmortem's number (`mono`), a text
 * in its own language (`lang`), or a badge.
 */
export type WorkFact =
  | string
  | { text: string; mono: true }
  | { text: string; lang: string | null }
  | { text: string; badge: 'neutral' | 'danger' }

/** One line of work, as the page worked it out: what it belongs to, what to do, where. */
export type WorkLine = {
  key: string
  href: Route
  title: string
  /** The language the title is written in, when it is a postmortem's text. */
  lang?: string | null
  facts: WorkFact[]
  /** The open action item this line is; closed right here when the list is given `closeAction`. */
  close?: { itemId: string; title: string; evidenceRequired: boolean }
}

/**
 * The lines of a My work list. A client component given the lines as data: as server-rendered
 * elements, each line past the page's first few kilobytes was a row of the React payload of its
 * own and a segment of the HTML (decision 037).
 * Each row is a plain link, which the layout's SoftLinks area navigates: no next/link per row
 * (decision 055).
 */
export function WorkList({
  lines,
  closeAction,
}: {
  lines: WorkLine[]
  /** Given to readers who may close action items. */
  closeAction?: CloseAction
}) {
  return (
    <ul className="grid gap-2">
      {lines.map((line) => (
        <li key={line.key} className="grid gap-1">
          <a
            href={line.href}
            className="grid gap-1 rounded-lg border border-border bg-card px-4 py-3 hover:border-primary/40 hover:bg-accent/30"
          >
            <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
              {line.facts.map((fact, i) => (
                <Fact key={i} fact={fact} />
              ))}
            </span>
            <span lang={line.lang ?? undefined} className="font-medium break-words">
              {line.title}
            </span>
          </a>
          {line.close && closeAction ? (
            <div className="px-4">
              <CloseActionItemForm
                itemId={line.close.itemId}
                title={line.close.title}
                evidenceRequired={line.close.evidenceRequired}
                action={closeAction}
              />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

function Fact({ fact }: { fact: WorkFact }) {
  if (typeof fact === 'string') return <span>{fact}</span>
  if ('mono' in fact) return <span className="font-mono">{fact.text}</span>
  if ('lang' in fact)
    return (
      <span lang={fact.lang ?? undefined} className="break-words">
        {fact.text}
      </span>
    )
  return <Badge tone={fact.badge}>{fact.text}</Badge>
}

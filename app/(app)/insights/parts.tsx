import { ArrowRight } from 'lucide-react'
import type { Route } from 'next'
import { Link } from '@/components/ui/link'
import type { ReactNode } from 'react'
import { formatNumber } from '@/server/postmortems/postmortem-number'

/*
 * The building blocks of the insights sections: client components given the figures, so that the
 * page sends their numbers, not their markup (decision 037). Their many links are plain anchors:
 * the app's layout puts every page in a SoftLinks area, which navigates as next/link does
 * (decisions 048 and 053).
 */

/** A link in a line of text: underlined, not told apart from its line by its colour alone. */
export const inTextLink = 'text-primary underline underline-offset-2'

export function Section({
  id,
  title,
  description,
  children,
}: {
  id: string
  title: string
  description?: string
  children: ReactNode
}) {
  return (
    <section aria-labelledby={id} className="grid content-start gap-4">
      <header className="grid gap-1">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="max-w-3xl text-sm text-muted-foreground">{description}</p> : null}
      </header>
      {children}
    </section>
  )
}

export function Table({
  caption,
  head,
  children,
}: {
  caption: string
  head: ReactNode[]
  children: ReactNode
}) {
  return (
    <div className="scroll-x">
      {/* Many columns of numbers scroll sideways rather than squash; a label and its count wrap the label. */}
      <table className={`w-full border-collapse text-sm ${head.length > 2 ? 'min-w-max' : ''}`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-border text-left text-xs text-muted-foreground">
            {head.map((h, i) => (
              <th
                key={i}
                scope="col"
                className={
                  // A column name in Chinese wraps between words, not between any two characters.
                  i
                    ? 'px-2 py-1.5 text-right align-bottom font-medium break-keep'
                    : 'py-1.5 pr-2 align-bottom font-medium break-keep'
                }
              >
                {/* A long column name wraps instead of widening its column of short numbers. */}
                {i ? <span className="inline-block max-w-24">{h}</span> : h}
              </th>
            ))}
          </tr>
        </thead>
        {/* Its links' look is the body's: a table of counts has a link in most cells. */}
        <tbody className="[&_a]:text-primary [&_a]:underline-offset-2 [&_a:hover]:underline [&_td]:px-2 [&_td]:py-1.5 [&_td]:text-right [&_td]:tabular-nums [&_th]:py-1.5 [&_th]:pr-2 [&_th]:text-left [&_th]:font-normal [&_tr]:border-b [&_tr]:border-border/60">
          {children}
        </tbody>
      </table>
    </div>
  )
}

/**
 * A table of counts that is its own bar chart: behind each row's label a bar, as long as the row's
 * share of the largest count. One table says what a chart and a table beside it said twice.
 */
export function BarTable({
  caption,
  head,
  rows,
}: {
  caption: string
  head: [string, string]
  rows: { key: string; label: string; value: number; href?: Route }[]
}) {
  const max = Math.max(1, ...rows.map((r) => r.value))
  return (
    <Table caption={caption} head={head}>
      {rows.map((r) => (
        <tr key={r.key}>
          <th scope="row" className="relative break-words">
            <span
              aria-hidden
              className="absolute inset-y-1 left-0 rounded-sm bg-primary/15 [print-color-adjust:exact]"
              style={{ width: `${Math.round((r.value / max) * 1000) / 10}%` }}
            />
            <span className="relative">{r.label}</span>
          </th>
          <td>
            <Count value={r.value} href={r.href} />
          </td>
        </tr>
      ))}
    </Table>
  )
}

/** "PM-12 Title": the number opens the postmortem; the title in the language it is written in. */
export function PostmortemRef({
  postmortem,
  linkClassName = '',
}: {
  postmortem: { number: number; title: string; language: string | null }
  linkClassName?: string
}) {
  return (
    <>
      <a href={`/postmortems/${postmortem.number}`} className={`${inTextLink} ${linkClassName}`}>
        {formatNumber(postmortem.number)}
      </a>{' '}
      <span lang={postmortem.language ?? undefined} className="break-words">
        {postmortem.title}
      </span>
    </>
  )
}

/**
 * A number that opens the list of postmortems behind it (0 is plain: there is nothing to show).
 * In a `Table`, whose body gives its links their look.
 */
export function Count({ value, href }: { value: number; href?: Route }) {
  return value && href ? <a href={href}>{value}</a> : <>{value}</>
}

/** The head of a long list on the overview, and the page with all of it. */
export function AllLink({ href, children }: { href: Route; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-flex items-center gap-1 justify-self-start text-sm font-medium text-primary underline-offset-2 hover:underline print:hidden"
    >
      {children}
      <ArrowRight className="size-4" aria-hidden />
    </Link>
  )
}

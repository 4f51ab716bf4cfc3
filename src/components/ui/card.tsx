import type { ComponentProps } from 'react'
import { cn } from '@/lib/cn'

export function Card({ className, ...props }: ComponentProps<'section'>) {
  return (
    <section
      data-slot="card"
      className={cn('rounded-lg border border-border bg-card p-6 shadow-xs', className)}
      {...props}
    />
  )
}

export function CardHeader({
  title,
  description,
  level = 2,
}: {
  title: React.ReactNode
  description?: React.ReactNode
  /** 1 where the card is the whole page (sign-in, setup): every page has one h1. */
  level?: 1 | 2
}) {
  const Heading = level === 1 ? 'h1' : 'h2'
  return (
    <header className="mb-4 grid gap-1">
      <Heading className="text-base font-semibold">{title}</Heading>
      {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
    </header>
  )
}

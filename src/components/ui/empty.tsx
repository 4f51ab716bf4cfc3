import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'

export type EmptyProps = { icon: LucideIcon; title: ReactNode; description: ReactNode; action?: ReactNode }

/** An empty state: what is missing, one sentence on what to do, one action. */
export function Empty({ icon: Icon, title, description, action }: EmptyProps) {
  return (
    <div
      data-slot="empty"
      className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-border px-6 py-16 text-center"
    >
      <span className="rounded-full bg-muted p-3 text-muted-foreground">
        <Icon className="size-6" aria-hidden />
      </span>
      {/* Centred lines of even length: no word (or last character) left alone on a line. */}
      <h2 className="text-base font-semibold text-balance">{title}</h2>
      <p className="max-w-md text-sm text-balance text-muted-foreground">{description}</p>
      {action}
    </div>
  )
}

import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'

export type EmptyProps = { icon: LucideIcon; title: ReactNode; description: ReactNode; action?: ReactNode }

/** An empty state: what is missing, one sentence on what to do, one action. */
export function Empty({ icon: Icon, title, description, action }: EmptyProps) {
  return (
    <div
      data-slot="empty"
      className="border-border flex flex-col items-center gap-3 rounded-lg border border-dashed px-6 py-16 text-center"
    >
      <span className="bg-muted text-muted-foreground rounded-full p-3">
        <Icon className="size-6" aria-hidden />
      </span>
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="text-muted-foreground max-w-md text-sm">{description}</p>
      {action}
    </div>
  )
}

import type { LucideIcon } from 'lucide-react'
import { Link } from '@/components/ui/link'
import { buttonVariants } from '@/components/ui/button'

export type MessagePageProps = { icon: LucideIcon; title: string; description: string; linkLabel: string }

/** A full-page message (403, 404) with one way back. */
export function MessagePage({ icon: Icon, title, description, linkLabel }: MessagePageProps) {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center">
      <span className="rounded-full bg-muted p-3 text-muted-foreground">
        <Icon className="size-6" aria-hidden />
      </span>
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="text-sm text-muted-foreground">{description}</p>
      <Link href="/postmortems" className={buttonVariants({ variant: 'secondary' })}>
        {linkLabel}
      </Link>
    </main>
  )
}

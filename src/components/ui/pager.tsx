import { Link } from '@/components/ui/link'
import { buttonVariants } from '@/components/ui/button'

type PageLink = { href: string; label: string } | null

/** Links to a list's other pages: back (newer, or the first page) on the left, older on the right. */
export function Pager({ back, older, label }: { back: PageLink; older: PageLink; label?: string }) {
  if (!back && !older) return null
  return (
    <nav className="mt-4 flex justify-between gap-2" aria-label={label}>
      {back ? (
        <Link href={back.href} className={buttonVariants({ variant: 'ghost', size: 'sm' })}>
          {back.label}
        </Link>
      ) : (
        <span />
      )}
      {older ? (
        <Link href={older.href} className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
          {older.label}
        </Link>
      ) : null}
    </nav>
  )
}

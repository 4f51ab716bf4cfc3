'use client'

import { BookOpen, ChartColumn, ClipboardCheck, ListChecks, Rocket, Search, Settings } from 'lucide-react'
import { Link } from '@/components/ui/link'
import { usePathname } from 'next/navigation'
import { useTranslations } from '@/i18n/use-translations'
import { cn } from '@/lib/cn'

const items = [
  { href: '/postmortems', key: 'postmortems', icon: BookOpen },
  { href: '/search', key: 'search', icon: Search },
  { href: '/launches', key: 'launches', icon: Rocket },
  { href: '/checklists', key: 'checklists', icon: ClipboardCheck },
  { href: '/my-work', key: 'myWork', icon: ListChecks },
  { href: '/insights', key: 'insights', icon: ChartColumn },
  { href: '/settings', key: 'settings', icon: Settings },
] as const

export function AppNav() {
  const t = useTranslations('Nav')
  const pathname = usePathname()
  return (
    <nav aria-label={t('mainLabel')} className="flex flex-col gap-1">
      {items.map(({ href, key, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`)
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-muted-foreground hover:bg-muted hover:text-foreground',
              active && 'bg-accent text-accent-foreground hover:bg-accent hover:text-accent-foreground',
            )}
          >
            <Icon className="size-4" aria-hidden />
            {t(key)}
          </Link>
        )
      })}
    </nav>
  )
}

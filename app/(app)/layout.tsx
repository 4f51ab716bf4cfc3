import { History } from 'lucide-react'
import { Link } from '@/components/ui/link'
import { getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { CommandPalette } from '@/components/search/command-palette'
import { AppNav } from '@/components/shell/app-nav'
import { LocaleSwitcher } from '@/components/shell/locale-switcher'
import { NavMenu } from '@/components/shell/nav-menu'
import { SkipLink } from '@/components/shell/skip-link'
import { UserMenu } from '@/components/shell/user-menu'
import { SoftLinks } from '@/components/ui/soft-links'
import { requireUser } from '@/server/auth/current-user'
import { setLocaleAction, signOutAction } from '../actions'

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser()
  const t = await getTranslations('Common')
  return (
    <div className="flex min-h-dvh flex-col md:flex-row">
      <SkipLink />
      <aside className="flex flex-col gap-4 border-b border-border bg-muted/60 p-3 md:sticky md:top-0 md:h-dvh md:w-60 md:shrink-0 md:overflow-y-auto md:border-r md:border-b-0 md:p-4 print:hidden">
        <NavMenu
          brand={
            <Link href="/postmortems" className="inline-flex items-center gap-2 px-3 text-base font-semibold">
              <History className="size-5 text-primary" aria-hidden />
              {t('appName')}
            </Link>
          }
        >
          <CommandPalette />
          <AppNav />
          <div className="mt-auto grid gap-4">
            <LocaleSwitcher onChange={setLocaleAction} className="px-3" />
            <div className="border-t border-border px-1 pt-4">
              <UserMenu user={user} signOut={signOutAction} />
            </div>
          </div>
        </NavMenu>
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-8 sm:py-8">
        {/* A page's plain links navigate as next/link does: lists of hundreds of links use them. */}
        <SoftLinks>
          <div className="mx-auto max-w-5xl">{children}</div>
        </SoftLinks>
      </main>
    </div>
  )
}

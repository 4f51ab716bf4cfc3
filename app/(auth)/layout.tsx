import { History } from 'lucide-react'
import { getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { LocaleSwitcher } from '@/components/shell/locale-switcher'
import { SkipLink } from '@/components/shell/skip-link'
import { setLocaleAction } from '../actions'

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('Common')
  return (
    <div className="flex min-h-dvh flex-col bg-muted">
      <SkipLink />
      <header className="flex items-center justify-between px-6 py-4">
        <span className="inline-flex items-center gap-2 font-semibold">
          <History className="size-5 text-primary" aria-hidden />
          {t('appName')}
        </span>
        <LocaleSwitcher onChange={setLocaleAction} />
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="flex flex-1 items-start justify-center px-4 pt-10 pb-20 outline-none sm:pt-20"
      >
        {children}
      </main>
    </div>
  )
}

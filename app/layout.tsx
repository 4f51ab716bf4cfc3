import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { ClientMessages } from '@/i18n/client-messages'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Common')
  return { title: { template: `%s · ${t('appName')}`, default: t('appName') }, description: t('tagline') }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale()
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <ClientMessages>{children}</ClientMessages>
      </body>
    </html>
  )
}

import { NextIntlClientProvider, type Messages } from 'next-intl'
import { getMessages } from 'next-intl/server'
import type { ReactNode } from 'react'

type Namespace = keyof Messages

/** What the app shell's client components read: navigation, search palette, language switch, error states. */
const shell: Namespace[] = ['Common', 'HealthState', 'CommandPalette', 'Nav', 'LocaleSwitcher']

/**
 * Hands client components the message namespaces they read, and only those: every page's
 * HTML carries what it gives them, so the whole catalogue (27 kB) would weigh on every
 * request. Wrap a page (in its layout) that renders client components with their namespaces;
 * the shell's are always included.
 */
export async function ClientMessages({
  namespaces = [],
  children,
}: {
  namespaces?: Namespace[]
  children: ReactNode
}) {
  const messages = await getMessages()
  const picked = Object.fromEntries([...shell, ...namespaces].map((name) => [name, messages[name]]))
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>
}

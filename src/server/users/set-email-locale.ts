import 'server-only'
import type { Locale } from '@/i18n/config'
import { db } from '../db'
import type { Actor } from '../roles'

/** The language switch also sets the language of the e-mail Hindsight sends this person. */
export async function setEmailLocale({ actor, locale }: { actor: Actor; locale: Locale }): Promise<void> {
  await db.user.updateMany({ where: { id: actor.id }, data: { locale } })
}

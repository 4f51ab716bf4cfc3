'use client'

import { useTranslations } from '@/i18n/use-translations'
import type { Presence } from './use-presence'

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0])
    .join('')
    .toUpperCase()

/** Who else is in this postmortem and which section each is in ("Li Wei · Root cause"). */
export function PresenceBar({ people }: { people: Presence[] }) {
  const t = useTranslations('Presence')
  const sectionTitle = (section: string) =>
    t.has(`sections.${section}` as never) ? t(`sections.${section}` as never) : undefined
  const others = people.filter((person) => !person.self)
  if (!others.length) return null
  return (
    <ul aria-label={t('label')} className="flex flex-wrap items-center gap-2 text-sm">
      {others.map((person) => {
        const section = person.section ? sectionTitle(person.section) : undefined
        return (
          <li key={person.clientId} className="inline-flex items-center gap-1.5">
            <span
              aria-hidden
              className="inline-flex size-6 items-center justify-center rounded-full text-xs font-semibold text-white"
              style={{ backgroundColor: person.color }}
            >
              {initials(person.name)}
            </span>
            <span>
              {section ? t('inSection', { name: person.name, section }) : t('here', { name: person.name })}
            </span>
          </li>
        )
      })}
    </ul>
  )
}

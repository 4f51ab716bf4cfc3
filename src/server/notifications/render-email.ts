import 'server-only'
import { createTranslator } from 'use-intl/core'
import { defaultLocale, isLocale, type Locale } from '@/i18n/config'
import en from '@/i18n/messages/en.json'
import zhCN from '@/i18n/messages/zh-CN.json'
import type {
  ActionItemPayload,
  CommentMentionPayload,
  EventPayloads,
  LaunchPayload,
  NotificationEventType,
  PostmortemPayload,
} from './events'
import { publicUrl } from './settings'

const messages = { en, 'zh-CN': zhCN } as const

export type Email = { subject: string; text: string }
export type DigestItem = { title: string; dueDate: Date; postmortem: { number: number; title: string } }

function translator(locale: string | null) {
  const chosen: Locale = isLocale(locale) ? locale : defaultLocale
  return {
    t: createTranslator({ locale: chosen, messages: messages[chosen], namespace: 'Notifications' }),
    day: (date: Date | string) =>
      new Intl.DateTimeFormat(chosen, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(date)),
  }
}

const link = (path: string) => (publicUrl() ? `${publicUrl()}${path}` : path)

/** One event's e-mail to one person, in their language (User.locale, else English). */
export function renderEventEmail<T extends NotificationEventType>({
  type,
  payload,
  locale,
  name,
}: {
  type: T
  payload: EventPayloads[T]
  locale: string | null
  name: string
}): Email {
  const { t, day } = translator(locale)
  const greeting = t('greeting', { name })
  const footer = t('footer')
  const body = (lines: string[]) => [greeting, '', ...lines, '', '—', footer].join('\n')
  switch (type) {
    case 'postmortem-submitted':
    case 'postmortem-published': {
      const pm = payload as PostmortemPayload
      const values = { number: pm.number, title: pm.title, by: pm.by ?? '—' }
      const key = type === 'postmortem-submitted' ? 'submitted' : 'published'
      return {
        subject: t(`${key}.subject`, values),
        text: body([t(`${key}.body`, values), link(`/postmortems/${pm.number}`)]),
      }
    }
    case 'action-item-assigned':
    case 'action-item-overdue': {
      const item = payload as ActionItemPayload
      const values = {
        title: item.title,
        number: item.postmortem.number,
        postmortem: item.postmortem.title,
        due: item.dueDate ? day(item.dueDate) : t('noDueDate'),
      }
      const key = type === 'action-item-assigned' ? 'assigned' : 'overdue'
      return {
        subject: t(`${key}.subject`, values),
        text: body([t(`${key}.body`, values), link(`/postmortems/${item.postmortem.number}`)]),
      }
    }
    case 'launch-review-started':
    case 'launch-review-blocked':
    case 'launch-review-ready': {
      const launch = payload as LaunchPayload
      const key =
        type === 'launch-review-started'
          ? 'reviewStarted'
          : type === 'launch-review-ready'
            ? 'reviewReady'
            : 'reviewBlocked'
      const values = { name: launch.name, by: launch.by ?? '—', count: launch.blocking.length }
      const blocking = launch.blocking.map((c) =>
        t('blockingLine', { text: c.text, status: c.status, owner: c.owner ?? t('noOwner') }),
      )
      return {
        subject: t(`${key}.subject`, values),
        text: body([t(`${key}.body`, values), ...blocking, '', link(`/launches/${launch.slug}`)]),
      }
    }
    case 'comment-mention': {
      const mention = payload as CommentMentionPayload
      const values = { number: mention.number, title: mention.title, by: mention.by ?? '—' }
      return {
        subject: t('mentioned.subject', values),
        text: body([
          t('mentioned.body', values),
          '',
          `> ${mention.quote}`,
          '',
          mention.excerpt,
          '',
          link(`/postmortems/${mention.number}#thread-${mention.threadId}`),
        ]),
      }
    }
    default: {
      const never: never = type
      throw new Error(`no e-mail for ${String(never)}`)
    }
  }
}

/** The weekly digest of one person's overdue action items. */
export function renderDigestEmail({
  items,
  locale,
  name,
}: {
  items: DigestItem[]
  locale: string | null
  name: string
}): Email {
  const { t, day } = translator(locale)
  const lines = items.map((item) =>
    t('digest.line', {
      title: item.title,
      due: day(item.dueDate),
      number: item.postmortem.number,
      postmortem: item.postmortem.title,
    }),
  )
  return {
    subject: t('digest.subject', { count: items.length }),
    text: [
      t('greeting', { name }),
      '',
      t('digest.body', { count: items.length }),
      '',
      ...lines,
      '',
      link('/my-work'),
      '',
      '—',
      t('footer'),
    ].join('\n'),
  }
}

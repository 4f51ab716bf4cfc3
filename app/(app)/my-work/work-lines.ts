import type { getTranslations } from 'next-intl/server'
import type { WorkLine } from '@/components/my-work/work-list'
import type { findMyWork } from '@/server/checklists/my-work'
import type { findCommentWork } from '@/server/comments/find-comment-work'
import { formatNumber } from '@/server/postmortems/schemas'

/**
 * My work's lists as lines of text, worked out on the server (translations, dates, numbers),
 * for the WorkList client component to draw.
 */
export function workLines({
  work,
  comments,
  t,
  statuses,
  day,
  relative,
}: {
  work: Awaited<ReturnType<typeof findMyWork>>
  comments: Awaited<ReturnType<typeof findCommentWork>>
  t: Awaited<ReturnType<typeof getTranslations<'MyWorkPage'>>>
  statuses: Awaited<ReturnType<typeof getTranslations<'CheckStatus'>>>
  day: (date: Date) => string
  relative: (date: Date) => string
}): Record<'checks' | 'reviews' | 'mentions' | 'threads' | 'actions', WorkLine[]> {
  return {
    checks: work.checks.map((c): WorkLine => ({
      key: c.id,
      href: `/launches/${c.launch.slug}#check-${c.id}`,
      title: c.text,
      facts: [
        c.launch.name,
        ...(c.launch.plannedAt ? [t('planned', { date: day(c.launch.plannedAt) })] : []),
        { text: statuses(c.status), badge: c.status === 'FAIL' ? 'danger' : 'neutral' },
        ...(c.subChecks.total ? [t('subChecks', { done: c.subChecks.done, total: c.subChecks.total })] : []),
      ],
    })),
    reviews: work.reviews.map((p): WorkLine => ({
      key: String(p.number),
      href: `/postmortems/${p.number}`,
      title: p.title,
      lang: p.language,
      facts: [
        { text: formatNumber(p.number), mono: true },
        t('submitted', { name: p.updatedBy?.name ?? '—', when: relative(p.updatedAt) }),
      ],
    })),
    mentions: comments.mentions.map((m): WorkLine => ({
      key: m.id,
      href: `/postmortems/${m.thread.postmortem.number}#thread-${m.thread.id}`,
      title: m.body,
      lang: m.thread.postmortem.language,
      facts: [
        { text: formatNumber(m.thread.postmortem.number), mono: true },
        { text: `“${m.thread.quote}”`, lang: m.thread.postmortem.language },
        t('mentionedBy', { name: m.author?.name ?? '—' }),
        relative(m.createdAt),
      ],
    })),
    threads: comments.openThreads.map((th): WorkLine => ({
      key: th.id,
      href: `/postmortems/${th.postmortem.number}#thread-${th.id}`,
      title: `“${th.quote}”`,
      lang: th.postmortem.language,
      facts: [
        { text: formatNumber(th.postmortem.number), mono: true },
        { text: th.postmortem.title, lang: th.postmortem.language },
        t('threadReplies', { count: th.replies }),
        ...(th.last
          ? [
              t('lastBy', {
                name: th.last.author?.name ?? '—',
                when: relative(th.last.createdAt),
              }),
            ]
          : []),
      ],
    })),
    actions: work.actionItems.map((a): WorkLine => ({
      key: a.id,
      href: `/postmortems/${a.postmortem.number}`,
      title: a.title,
      lang: a.language,
      facts: [
        { text: formatNumber(a.postmortem.number), mono: true },
        { text: a.postmortem.title, lang: a.language },
        ...(a.dueDate
          ? [
              {
                text: a.daysOverdue
                  ? t('overdueDays', { days: a.daysOverdue, date: day(a.dueDate) })
                  : t('due', { date: day(a.dueDate) }),
                badge: a.daysOverdue ? ('danger' as const) : ('neutral' as const),
              },
            ]
          : []),
      ],
      close: { itemId: a.id, title: a.title, evidenceRequired: a.evidenceRequired },
    })),
  }
}

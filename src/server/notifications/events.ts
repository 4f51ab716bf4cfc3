/*
 * What Hindsight tells webhooks and people about (docs/decisions/022), in one place for the use
 * cases that emit them, the admin page that subscribes endpoints to them and the e-mail texts
 * (messages: Notifications.<type>). No server-only imports here.
 */

export const notificationEvents = [
  'postmortem-submitted',
  'postmortem-published',
  'action-item-assigned',
  'action-item-overdue',
  'launch-review-started',
  'launch-review-blocked',
  'launch-review-ready',
  'comment-mention',
] as const
export type NotificationEventType = (typeof notificationEvents)[number]

export const isNotificationEvent = (value: unknown): value is NotificationEventType =>
  typeof value === 'string' && (notificationEvents as readonly string[]).includes(value)

/** The weekly e-mail of each person's overdue items: never sent to webhooks. */
export const DIGEST_EVENT = 'overdue-digest'

export type PostmortemPayload = { number: number; title: string; by: string | null }
export type ActionItemPayload = {
  id: string
  title: string
  dueDate: string | null
  owner: { id: string; name: string; email: string } | null
  postmortem: { number: number; title: string }
}
export type LaunchPayload = {
  slug: string
  name: string
  by: string | null
  /** Required checks not yet PASS, NA or WAIVED, with their owners. */
  blocking: { text: string; status: string; owner: string | null }[]
}

export type CommentMentionPayload = PostmortemPayload & {
  threadId: string
  /** The passage the thread is about, as it read when the thread was started. */
  quote: string
  /** The start of the comment (Markdown, as written). */
  excerpt: string
  mentioned: { id: string; name: string }[]
}

/** The payload each event carries (the `data` of a webhook body, the facts of an e-mail). */
export type EventPayloads = {
  'postmortem-submitted': PostmortemPayload
  'postmortem-published': PostmortemPayload
  'action-item-assigned': ActionItemPayload
  'action-item-overdue': ActionItemPayload
  'launch-review-started': LaunchPayload
  'launch-review-blocked': LaunchPayload
  'launch-review-ready': LaunchPayload
  'comment-mention': CommentMentionPayload
}

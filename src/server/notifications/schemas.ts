import { z } from 'zod'
import { notificationEvents } from './events'

/** The events an endpoint can subscribe to (the form's checkboxes). */
export { notificationEvents }

/** http(s) only: a webhook never reaches file:, ftp:, gopher: or javascript: URLs. */
export const webhookUrl = z
  .string()
  .trim()
  .min(1, 'required')
  .max(2_000, 'tooLong')
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
    } catch {
      return false
    }
  }, 'webhookUrl')

/** A form's checkboxes arrive as one value or several under the same name. */
const eventList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(notificationEvents)).min(1, 'webhookEvents'),
)

export const webhookEndpointInput = z.object({
  url: webhookUrl,
  secret: z.string().trim().min(16, 'webhookSecret').max(200, 'tooLong'),
  description: z.string().trim().max(200, 'tooLong').default(''),
  events: eventList,
})
export type WebhookEndpointInput = z.infer<typeof webhookEndpointInput>

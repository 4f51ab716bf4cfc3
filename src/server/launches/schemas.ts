import { z } from 'zod'

export const launchStatuses = ['PLANNED', 'IN_REVIEW', 'LAUNCHED', 'CANCELLED'] as const
export type LaunchStatus = (typeof launchStatuses)[number]

const optionalDate = z
  .string()
  .trim()
  .transform((v) => v || null)
  .pipe(z.iso.date('invalidDate').nullable())
  .nullable()
  .default(null)

export const createLaunchInput = z
  .object({
    name: z.string().trim().min(1, 'required').max(120, 'tooLong'),
    description: z.string().max(20_000, 'tooLong').default(''),
    plannedAt: optionalDate,
    launchedAt: optionalDate,
  })
  .refine((v) => !v.plannedAt || !v.launchedAt || v.launchedAt >= v.plannedAt, {
    path: ['launchedAt'],
    message: 'dateOrder',
  })
export type CreateLaunchInput = z.infer<typeof createLaunchInput>

/** "Mobile Alliance 1.1" → "mobile-alliance-1-1"; Chinese names get a short random slug. */
export function slugify(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  // Needs a word, not just a version number: "移动联盟1.1版本" would otherwise become "1-1".
  return /[a-z]{2}/.test(ascii) ? ascii : `launch-${Math.random().toString(36).slice(2, 8)}`
}

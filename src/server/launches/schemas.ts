import { z } from 'zod'
import { storedText } from '../stored-text'

export { launchStatuses, type LaunchStatus } from './launch-status'

const optionalDate = storedText()
  .trim()
  .transform((v) => v || null)
  .pipe(z.iso.date('invalidDate').nullable())
  .nullable()
  .default(null)

const names = z
  .array(storedText().trim().min(1, 'required').max(100, 'tooLong'))
  .max(50, 'tooMany')
  .default([])
  .transform((list) => [...new Set(list)].sort())
/** The services and tags a launch touches, by name: they decide which past lessons it is proposed. */
export const launchTaxonomyInput = z.object({ services: names, tags: names })
export type LaunchTaxonomyInput = z.infer<typeof launchTaxonomyInput>

export const createLaunchInput = z
  .object({
    name: storedText().trim().min(1, 'required').max(120, 'tooLong'),
    description: storedText().max(20_000, 'tooLong').default(''),
    plannedAt: optionalDate,
    launchedAt: optionalDate,
    ...launchTaxonomyInput.shape,
  })
  .refine((v) => !v.plannedAt || !v.launchedAt || v.launchedAt >= v.plannedAt, {
    path: ['launchedAt'],
    message: 'dateOrder',
  })
export type CreateLaunchInput = z.infer<typeof createLaunchInput>

/** The launch list's query: a page number from the address, the first page for anything else. */
export const findLaunchesInput = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
})

/** The launch filter's suggestions (`GET /api/v1/launches`): launches whose name or slug holds `q`. */
export const launchNamesInput = z.object({
  q: storedText().trim().max(100, 'tooLong').default(''),
  limit: z.coerce.number().int().min(1, 'tooSmall').max(100, 'tooLarge').default(20),
})
export type LaunchNamesInput = z.infer<typeof launchNamesInput>

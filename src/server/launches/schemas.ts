import { z } from 'zod'
import { storedText } from '../stored-text'

export { launchStatuses, type LaunchStatus } from './launch-status'

const optionalDate = storedText()
  .trim()
  .transform((v) => v || null)
  .pipe(z.iso.date('invalidDate').nullable())
  .nullable()
  .default(null)

export const createLaunchInput = z
  .object({
    name: storedText().trim().min(1, 'required').max(120, 'tooLong'),
    description: storedText().max(20_000, 'tooLong').default(''),
    plannedAt: optionalDate,
    launchedAt: optionalDate,
  })
  .refine((v) => !v.plannedAt || !v.launchedAt || v.launchedAt >= v.plannedAt, {
    path: ['launchedAt'],
    message: 'dateOrder',
  })
export type CreateLaunchInput = z.infer<typeof createLaunchInput>

import { z } from 'zod'
import { storedText } from '../stored-text'

/** A contributing factor as an admin writes it: a short name and what it covers. */
export const factorInput = z.object({
  name: storedText().trim().min(1, 'required').max(80, 'tooLong'),
  description: storedText().trim().max(300, 'tooLong').default(''),
})
export type FactorInput = z.infer<typeof factorInput>

export type Factor = {
  id: string
  name: string
  description: string
  archived: boolean
  /** Postmortems that carry it. */
  uses: number
}

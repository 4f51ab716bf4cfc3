import { domainError, invalidQuery, otherMethods, withActor } from '@/lib/api'
import type { Answer } from '@/lib/api-client'
import { findLaunchNames } from '@/server/launches/launch-names'
import { launchNamesInput } from '@/server/launches/schemas'

/** Launches whose name or slug holds `q`, as the filters suggest them. */
export type LaunchNamesResponse = { launches: Answer<typeof findLaunchNames> }

// GET /api/v1/launches?q=&limit=
// - launches whose name or slug holds q (any case), the latest planned first: slug and name, up to limit (20, at most 100).
export async function GET(request: Request) {
  return withActor(request, 'VIEWER', async ({ actor }) => {
    const parsed = launchNamesInput.safeParse(Object.fromEntries(new URL(request.url).searchParams))
    if (!parsed.success)
      return invalidQuery(parsed.error, {
        message: 'q takes up to 100 characters, limit a whole number from 1 to 100.',
      })
    const found = await findLaunchNames({ actor, input: parsed.data })
    if (!found.ok) return domainError(found.error)
    return Response.json({ launches: found.data }, { headers: { 'cache-control': 'no-store' } })
  })
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET')

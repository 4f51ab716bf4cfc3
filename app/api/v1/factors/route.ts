import { otherMethods, withActor } from '@/lib/api'
import { findFactors } from '@/server/factors/find-factors'

// GET /api/v1/factors
// - the contributing-factor taxonomy: id, name, description, archived, and how many postmortems carry each.
//   A postmortem's document (GET/PUT /api/v1/postmortems/:number) names its factors by these ids.
export async function GET(request: Request) {
  return withActor(request, 'VIEWER', async ({ actor }) =>
    Response.json({ factors: await findFactors({ actor }) }, { headers: { 'cache-control': 'no-store' } }),
  )
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET')

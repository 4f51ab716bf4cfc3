import { domainError, jsonError, otherMethods, withActor } from '@/lib/api'
import { decodeRouteParam } from '@/lib/route-param'
import { getReadinessReport } from '@/server/checklists/launch-review'

/**
 * The deploy gate: `{ launch, ready, counts, blocking }` for a session or an API token. The
 * launch is named by slug, id or name; a name several launches share answers 409 with their slugs.
 */
export async function GET(request: Request, { params }: RouteContext<'/api/launches/[launch]/readiness'>) {
  const { launch } = await params
  return withActor(request, 'VIEWER', async ({ actor }) => {
    const key = decodeRouteParam(launch)
    if (key === null) return jsonError('NOT_FOUND')
    const result = await getReadinessReport({ actor, launch: key })
    if (!result.ok) return domainError(result.error)
    return Response.json(result.data, { headers: { 'cache-control': 'no-store' } })
  })
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET')

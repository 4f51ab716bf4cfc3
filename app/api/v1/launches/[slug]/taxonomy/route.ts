import { domainError, jsonError, otherMethods, parseJson, withActor } from '@/lib/api'
import { decodeRouteParam } from '@/lib/route-param'
import { launchTaxonomyInput } from '@/server/launches/schemas'
import { setLaunchTaxonomy } from '@/server/launches/set-launch-taxonomy'

// PUT /api/v1/launches/:slug/taxonomy - { "services": [...], "tags": [...] }: what the launch
// touches, by name (created on first use); they decide its proposals.
export async function PUT(request: Request, { params }: RouteContext<'/api/v1/launches/[slug]/taxonomy'>) {
  return withActor(request, 'EDITOR', async ({ actor }) => {
    const slug = decodeRouteParam((await params).slug)
    if (slug === null) return jsonError('NOT_FOUND')
    const body = await parseJson(request, launchTaxonomyInput)
    if (!body.ok) return body.response
    const result = await setLaunchTaxonomy({ actor, slug, input: body.data })
    if (!result.ok) return domainError(result.error)
    return new Response(null, { status: 204 })
  })
}

export const { GET, POST, PATCH, DELETE } = otherMethods('PUT')

import { domainError, jsonError, otherMethods, withActor } from '@/lib/api'
import { decodeRouteParam } from '@/lib/route-param'
import { getLaunch, getLaunchPostmortems } from '@/server/launches/find-launches'

// GET /api/v1/launches/:slug - the launch and its postmortems in full, as JSON (?download=1 as a file).
export async function GET(request: Request, { params }: RouteContext<'/api/v1/launches/[slug]'>) {
  return withActor(request, 'VIEWER', async ({ actor }) => {
    const slug = decodeRouteParam((await params).slug)
    if (slug === null) return jsonError('NOT_FOUND')
    const result = await getLaunch({ actor, slug })
    if (!result.ok) return domainError(result.error)
    const { id: _id, postmortems: _list, ...launch } = result.data
    const postmortems = (await getLaunchPostmortems({ actor, launch: result.data })).map(
      ({ id: _pid, people: _people, ...view }) => view,
    )
    const download = new URL(request.url).searchParams.has('download')
    return Response.json(
      { launch, postmortems },
      { headers: download ? { 'content-disposition': `attachment; filename="${launch.slug}.json"` } : {} },
    )
  })
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET')

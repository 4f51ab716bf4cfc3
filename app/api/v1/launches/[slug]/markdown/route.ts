import { domainError, jsonError, otherMethods, withActor } from '@/lib/api'
import { decodeRouteParam } from '@/lib/route-param'
import { getLaunch, getLaunchPostmortems } from '@/server/launches/find-launches'
import { launchToMarkdown } from '@/server/postmortems/to-markdown'

// GET /api/v1/launches/:slug/markdown - the whole release retro as one Markdown document.
export async function GET(request: Request, { params }: RouteContext<'/api/v1/launches/[slug]/markdown'>) {
  return withActor(request, 'VIEWER', async ({ actor }) => {
    const slug = decodeRouteParam((await params).slug)
    if (slug === null) return jsonError('NOT_FOUND')
    const result = await getLaunch({ actor, slug })
    if (!result.ok) return domainError(result.error)
    const markdown = launchToMarkdown(result.data, await getLaunchPostmortems({ actor, launch: result.data }))
    const download = new URL(request.url).searchParams.has('download')
    return new Response(markdown, {
      headers: {
        'content-type': 'text/markdown; charset=utf-8',
        ...(download ? { 'content-disposition': `attachment; filename="${result.data.slug}.md"` } : {}),
      },
    })
  })
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET')

import { domainError, withActor } from '@/lib/api'
import { getLaunch, getLaunchPostmortems } from '@/server/launches/find-launches'
import { launchToMarkdown } from '@/server/postmortems/to-markdown'

// GET /api/v1/launches/:slug/markdown - the whole release retro as one Markdown document.
export async function GET(request: Request, { params }: RouteContext<'/api/v1/launches/[slug]/markdown'>) {
  return withActor('VIEWER', async ({ actor }) => {
    const result = await getLaunch({ actor, slug: decodeURIComponent((await params).slug) })
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

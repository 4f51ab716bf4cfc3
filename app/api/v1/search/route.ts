import { jsonError, withActor } from '@/lib/api'
import { searchInput, searchPostmortems } from '@/server/search/search-postmortems'

// GET /api/v1/search?q=&status=&severity=&launch=&tag=&service=&category=&from=&to=&scope=&sort=&limit=
// - ranked results with snippets; scope=hypotheses|confirmed narrows where the words must occur.
export async function GET(request: Request) {
  return withActor('VIEWER', async ({ actor }) => {
    const params = Object.fromEntries(new URL(request.url).searchParams)
    const parsed = searchInput.safeParse(params)
    if (!parsed.success) return jsonError('INVALID_INPUT')
    return Response.json(await searchPostmortems({ actor, input: parsed.data }), {
      headers: { 'cache-control': 'no-store' },
    })
  })
}

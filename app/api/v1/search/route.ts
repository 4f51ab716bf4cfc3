import { jsonError, otherMethods, withActor } from '@/lib/api'
import type { Json } from '@/lib/api-client'
import { searchChecklistItems } from '@/server/search/search-checklist-items'
import { searchPostmortems } from '@/server/postmortems/search-postmortems'
import { searchInput } from '@/server/postmortems/schemas'

/** The ranked postmortems with snippets, and the checklist items that match. */
export type SearchApiResponse = Json<
  Awaited<ReturnType<typeof searchPostmortems>> & {
    checklistItems: Awaited<ReturnType<typeof searchChecklistItems>>
  }
>

// GET /api/v1/search?q=&status=&severity=&launch=&tag=&service=&category=&from=&to=&scope=&sort=&limit=
// - ranked results with snippets, plus matching checklist items; scope=hypotheses|confirmed narrows where the words must occur.
export async function GET(request: Request) {
  return withActor(request, 'VIEWER', async ({ actor }) => {
    const params = Object.fromEntries(new URL(request.url).searchParams)
    const parsed = searchInput.safeParse(params)
    if (!parsed.success) return jsonError('INVALID_INPUT')
    const [response, checklistItems] = await Promise.all([
      searchPostmortems({ actor, input: parsed.data }),
      searchChecklistItems({ actor, q: parsed.data.q }),
    ])
    return Response.json({ ...response, checklistItems }, { headers: { 'cache-control': 'no-store' } })
  })
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET')

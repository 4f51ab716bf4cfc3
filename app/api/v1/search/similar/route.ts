import type { z } from 'zod'
import { otherMethods, parseJson, withActor } from '@/lib/api'
import type { Json } from '@/lib/api-client'
import { findSimilar } from '@/server/postmortems/find-similar'
import { similarInput } from '@/server/postmortems/schemas'

export type SimilarRequest = z.input<typeof similarInput>
export type SimilarResponse = Json<{ results: Awaited<ReturnType<typeof findSimilar>> }>

// POST /api/v1/search/similar { text, exclude? } - up to five past postmortems like the text.
export async function POST(request: Request) {
  return withActor(request, 'VIEWER', async ({ actor }) => {
    const body = await parseJson(request, similarInput, 100_000)
    if (!body.ok) return body.response
    return Response.json({
      results: await findSimilar({ actor, text: body.data.text, exclude: body.data.exclude }),
    })
  })
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST')

import { domainError, otherMethods, parseJson, withActor } from '@/lib/api'
import type { Answer } from '@/lib/api-client'
import { importRetro } from '@/server/imports/import-retro'
import { parsedRetroSchema } from '@/server/imports/schemas'

/** A reviewed retro, as the use case takes it (checked again by `parsedRetroSchema`). */
export type ImportRequest = Parameters<typeof importRetro>[0]['retro']
/** The launch made for a retro of several incidents (else null), and the postmortems' numbers. */
export type ImportResponse = Answer<typeof importRetro>

// POST /api/v1/imports - save a reviewed, parsed retro (see /preview) in one transaction.
export async function POST(request: Request) {
  return withActor(request, 'EDITOR', async ({ actor }) => {
    const body = await parseJson(request, parsedRetroSchema, 10_000_000)
    if (!body.ok) return body.response
    const result = await importRetro({ actor, retro: body.data })
    if (!result.ok) return domainError(result.error)
    return Response.json(result.data, { status: 201 })
  })
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST')

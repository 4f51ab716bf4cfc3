import type { z } from 'zod'
import { domainError, jsonError, otherMethods, parseJson, withActor } from '@/lib/api'
import type { Answer } from '@/lib/api-client'
import { idArg } from '@/lib/action-args'
import { closeActionItem } from '@/server/postmortems/close-action-item'
import { closeActionItemInput } from '@/server/postmortems/schemas'

type Context = RouteContext<'/api/v1/action-items/[id]/close'>

export type CloseActionItemRequest = z.input<typeof closeActionItemInput>
export type CloseActionItemResponse = Answer<typeof closeActionItem>

// POST /api/v1/action-items/:id/close { outcome: DONE | WONT_DO, evidenceLink?, evidenceBefore?,
// evidenceAfter?, reason? } - closes an open action item (editors); 422 names what is missing.
export async function POST(request: Request, { params }: Context) {
  return withActor(request, 'EDITOR', async ({ actor }) => {
    const { id } = await params
    if (!idArg.safeParse(id).success) return jsonError('NOT_FOUND')
    const body = await parseJson(request, closeActionItemInput)
    if (!body.ok) return body.response
    const result = await closeActionItem({ actor, id, input: body.data })
    if (!result.ok) return domainError(result.error)
    return Response.json(result.data)
  })
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST')

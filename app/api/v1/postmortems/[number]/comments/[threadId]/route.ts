import { domainError, jsonError, otherMethods, parseJson, withActor } from '@/lib/api'
import { replyToThread } from '@/server/comments/reply-to-thread'
import { resolveThread } from '@/server/comments/resolve-thread'
import { commentInput, resolveThreadInput } from '@/server/comments/schemas'
import { parsePostmortemNumber } from '@/server/postmortems/schemas'

type Context = RouteContext<'/api/v1/postmortems/[number]/comments/[threadId]'>

async function target(params: Context['params']) {
  const { number, threadId } = await params
  const parsed = parsePostmortemNumber(number)
  return parsed && threadId.length <= 200 ? { number: parsed, threadId } : null
}

// POST /api/v1/postmortems/:number/comments/:threadId - reply ({ body, mentions }).
export async function POST(request: Request, { params }: Context) {
  return withActor(request, 'EDITOR', async ({ actor }) => {
    const at = await target(params)
    if (!at) return jsonError('NOT_FOUND')
    const body = await parseJson(request, commentInput)
    if (!body.ok) return body.response
    const result = await replyToThread({ actor, ...at, input: body.data })
    if (!result.ok) return domainError(result.error)
    return Response.json(result.data, { status: 201 })
  })
}

// PATCH /api/v1/postmortems/:number/comments/:threadId - resolve or reopen ({ resolved }).
export async function PATCH(request: Request, { params }: Context) {
  return withActor(request, 'EDITOR', async ({ actor }) => {
    const at = await target(params)
    if (!at) return jsonError('NOT_FOUND')
    const body = await parseJson(request, resolveThreadInput)
    if (!body.ok) return body.response
    const result = await resolveThread({ actor, ...at, resolved: body.data.resolved })
    if (!result.ok) return domainError(result.error)
    return Response.json(result.data)
  })
}

export const { GET, PUT, DELETE } = otherMethods('POST', 'PATCH')

import { domainError, jsonError, otherMethods, parseJson, withActor } from '@/lib/api'
import { createThread } from '@/server/comments/create-thread'
import { findThreads } from '@/server/comments/find-threads'
import { createThreadInput } from '@/server/comments/schemas'
import { parsePostmortemNumber } from '@/server/postmortems/schemas'

type Context = RouteContext<'/api/v1/postmortems/[number]/comments'>

// GET /api/v1/postmortems/:number/comments - every thread with its comments (anchors as base64).
export async function GET(request: Request, { params }: Context) {
  return withActor(request, 'VIEWER', async ({ actor }) => {
    const number = parsePostmortemNumber((await params).number)
    if (!number) return jsonError('NOT_FOUND')
    const result = await findThreads({ actor, number })
    if (!result.ok) return domainError(result.error)
    return Response.json({ threads: result.data })
  })
}

// POST /api/v1/postmortems/:number/comments - start a thread on a passage (editors and admins).
export async function POST(request: Request, { params }: Context) {
  return withActor(request, 'EDITOR', async ({ actor }) => {
    const number = parsePostmortemNumber((await params).number)
    if (!number) return jsonError('NOT_FOUND')
    const body = await parseJson(request, createThreadInput)
    if (!body.ok) return body.response
    const result = await createThread({ actor, number, input: body.data })
    if (!result.ok) return domainError(result.error)
    return Response.json(result.data, { status: 201 })
  })
}

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST')

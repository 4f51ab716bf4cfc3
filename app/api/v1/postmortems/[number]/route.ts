import type { z } from 'zod'
import { domainError, jsonError, otherMethods, parseJson, withActor } from '@/lib/api'
import type { Answer, Json } from '@/lib/api-client'
import { getPostmortem } from '@/server/postmortems/get-postmortem'
import { savePostmortem, type CurrentVersion } from '@/server/postmortems/save-postmortem'
import { formatNumber, parsePostmortemNumber, savePostmortemInput } from '@/server/postmortems/schemas'

type Context = RouteContext<'/api/v1/postmortems/[number]'>

// GET /api/v1/postmortems/:number - the postmortem as JSON (?download=1 as a file).
export async function GET(request: Request, { params }: Context) {
  return withActor(request, 'VIEWER', async ({ actor }) => {
    const number = parsePostmortemNumber((await params).number)
    if (!number) return jsonError('NOT_FOUND')
    const result = await getPostmortem({ actor, number })
    if (!result.ok) return domainError(result.error)
    const { id: _id, people: _people, ...view } = result.data
    const download = new URL(request.url).searchParams.has('download')
    return Response.json(view, {
      headers: download
        ? { 'content-disposition': `attachment; filename="${formatNumber(number)}.json"` }
        : {},
    })
  })
}

export type SavePostmortemRequest = z.input<typeof savePostmortemInput>
export type SavePostmortemResponse = Answer<typeof savePostmortem>
/** Beside a 409's code: the version in the database now, for the merge view. */
export type SavePostmortemError = { current: Json<CurrentVersion> }

// PUT /api/v1/postmortems/:number - save the whole document on top of `baseVersion`
// (409 with the current version when someone saved in between).
export async function PUT(request: Request, { params }: Context) {
  return withActor(request, 'EDITOR', async ({ actor }) => {
    const number = parsePostmortemNumber((await params).number)
    if (!number) return jsonError('NOT_FOUND')
    const body = await parseJson(request, savePostmortemInput)
    if (!body.ok) return body.response
    const result = await savePostmortem({ actor, number, input: body.data })
    if (!result.ok) return domainError(result.error, result.current ? { current: result.current } : {})
    return Response.json(result.data)
  })
}

export const { POST, PATCH, DELETE } = otherMethods('GET', 'PUT')

import { domainError, jsonError, otherMethods, withActor } from '@/lib/api'
import { getPostmortem } from '@/server/postmortems/get-postmortem'
import { formatNumber, parsePostmortemNumber } from '@/server/postmortems/schemas'
import { postmortemToMarkdown } from '@/server/postmortems/to-markdown'

// GET /api/v1/postmortems/:number/markdown - the postmortem as Markdown, every field kept.
export async function GET(
  request: Request,
  { params }: RouteContext<'/api/v1/postmortems/[number]/markdown'>,
) {
  return withActor(request, 'VIEWER', async ({ actor }) => {
    const number = parsePostmortemNumber((await params).number)
    if (!number) return jsonError('NOT_FOUND')
    const result = await getPostmortem({ actor, number })
    if (!result.ok) return domainError(result.error)
    const download = new URL(request.url).searchParams.has('download')
    return new Response(postmortemToMarkdown(result.data), {
      headers: {
        'content-type': 'text/markdown; charset=utf-8',
        ...(download ? { 'content-disposition': `attachment; filename="${formatNumber(number)}.md"` } : {}),
      },
    })
  })
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET')

import { jsonError, otherMethods, withActor } from '@/lib/api'
import type { Answer } from '@/lib/api-client'
import {
  exceeded,
  exceededPreviewLimit,
  limitMessage,
  PREVIEW_LIMITS,
  type ExceededLimit,
} from '@/server/imports/limits'
import { previewRetro } from '@/server/imports/preview-retro'
import { withProposedFactors } from '@/server/imports/propose-factors'

/** The structure the retro would be imported as, with the contributing factors it would carry. */
export type PreviewResponse = Answer<typeof previewRetro>
/** Beside the error's code: which limit the document went over, and by how much. */
export type PreviewError = { limit: ExceededLimit }

/** 413 for a document too large, 422 for one with too many headings; the limit and the excess. */
const overLimit = (limit: ExceededLimit) =>
  jsonError(limit.name === 'bytes' ? 'PAYLOAD_TOO_LARGE' : 'INVALID_INPUT', {
    message: limitMessage[limit.name],
    limit,
  })

// POST /api/v1/imports/preview - the Markdown retro in the body (text, within PREVIEW_LIMITS:
// 512 KB, 1,000 headings) → the structure it would be imported as, each postmortem's `factors`
// the names of the taxonomy's factors it names or its root cause suggests. Saves nothing.
export async function POST(request: Request) {
  return withActor(request, 'EDITOR', async () => {
    const declared = exceeded(
      'bytes',
      PREVIEW_LIMITS.bytes,
      Number(request.headers.get('content-length') ?? 0),
    )
    if (declared) return overLimit(declared)
    const bytes = new Uint8Array(await request.arrayBuffer())
    const received = exceeded('bytes', PREVIEW_LIMITS.bytes, bytes.byteLength)
    if (received) return overLimit(received)
    let source: string
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return jsonError('INVALID_INPUT', { message: 'BINARY' })
    }
    const over = exceededPreviewLimit(source)
    if (over) return overLimit(over)
    const result = previewRetro(source)
    if (!result.ok) return jsonError('INVALID_INPUT', { message: result.error.message })
    return Response.json(await withProposedFactors(result.data))
  })
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST')

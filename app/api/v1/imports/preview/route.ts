import { jsonError, otherMethods, withActor } from '@/lib/api'
import { MAX_IMPORT_BYTES, previewRetro } from '@/server/imports/preview-retro'

// POST /api/v1/imports/preview - the Markdown retro in the body (text, at most 5 MB) →
// the structure it would be imported as. Saves nothing.
export async function POST(request: Request) {
  return withActor(request, 'EDITOR', async () => {
    if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES)
      return jsonError('PAYLOAD_TOO_LARGE')
    const bytes = new Uint8Array(await request.arrayBuffer())
    if (bytes.byteLength > MAX_IMPORT_BYTES) return jsonError('PAYLOAD_TOO_LARGE')
    let source: string
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return jsonError('INVALID_INPUT', { message: 'BINARY' })
    }
    const result = previewRetro(source)
    if (!result.ok) return jsonError('INVALID_INPUT', { message: result.error.message })
    return Response.json(result.data)
  })
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST')

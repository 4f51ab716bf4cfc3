import { z } from 'zod'
import { domainError, jsonError, otherMethods, parseJson, withActor } from '@/lib/api'
import { decodeRouteParam } from '@/lib/route-param'
import { acceptProposal } from '@/server/checklists/accept-proposal'
import { dismissProposal } from '@/server/checklists/dismiss-proposal'
import { proposeChecks } from '@/server/checklists/propose-checks'
import { acceptProposalInput, dismissProposalInput } from '@/server/checklists/schemas'

type Context = RouteContext<'/api/v1/launches/[slug]/proposals'>

// GET /api/v1/launches/:slug/proposals - checks learned on its services and tags, and past
// incidents like it, each with why (decision 026).
export async function GET(request: Request, { params }: Context) {
  return withActor(request, 'VIEWER', async ({ actor }) => {
    const slug = decodeRouteParam((await params).slug)
    if (slug === null) return jsonError('NOT_FOUND')
    const result = await proposeChecks({ actor, slug })
    if (!result.ok) return domainError(result.error)
    return Response.json(result.data)
  })
}

const decision = z.union([
  z.object({ accept: acceptProposalInput }),
  z.object({ dismiss: dismissProposalInput }),
])

// POST /api/v1/launches/:slug/proposals - { "accept": { "checklistItemId" | "postmortemNumber" } }
// adds it to the review; { "dismiss": { …, "reason" } } stops proposing it for this launch.
export async function POST(request: Request, { params }: Context) {
  return withActor(request, 'EDITOR', async ({ actor }) => {
    const slug = decodeRouteParam((await params).slug)
    if (slug === null) return jsonError('NOT_FOUND')
    const body = await parseJson(request, decision)
    if (!body.ok) return body.response
    const input = body.data
    const result =
      'dismiss' in input
        ? await dismissProposal({ actor, slug, input: input.dismiss })
        : await acceptProposal({ actor, slug, input: input.accept })
    if (!result.ok) return domainError(result.error)
    return Response.json(result.data, { status: 201 })
  })
}

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST')

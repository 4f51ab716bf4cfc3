import { describe, expect, it } from 'vitest'
import {
  canMovePostmortem,
  editsNextVersion,
  isPublic,
  keepsRevisions,
  needsComplete,
  postmortemStatuses,
  postmortemSteps,
  publicStatuses,
} from './postmortem-status'

describe('a postmortem’s life', () => {
  it('goes draft → in review → published, can be sent back from review, and published is final', () => {
    expect(postmortemSteps('DRAFT').map((s) => s.to)).toEqual(['IN_REVIEW'])
    expect(postmortemSteps('IN_REVIEW').map((s) => s.to)).toEqual(['DRAFT', 'PUBLISHED'])
    expect(canMovePostmortem('DRAFT', 'PUBLISHED')).toBe(false)
    expect(postmortemStatuses.filter((to) => canMovePostmortem('PUBLISHED', to))).toEqual([])
  })

  it('asks for a complete document to enter review, shows viewers only published ones, and keeps their revisions', () => {
    expect(postmortemStatuses.filter(needsComplete)).toEqual(['IN_REVIEW', 'PUBLISHED'])
    expect(publicStatuses).toEqual(['PUBLISHED'])
    expect(isPublic('IN_REVIEW')).toBe(false)
    expect(postmortemStatuses.filter(keepsRevisions)).toEqual(['PUBLISHED'])
  })

  it('edits the next version of a published postmortem, and a draft or one in review in place', () => {
    expect(postmortemStatuses.filter(editsNextVersion)).toEqual(['PUBLISHED'])
  })
})

import { describe, expect, it } from 'vitest'
import {
  canMoveLaunch,
  checklistOpen,
  checksJudged,
  checksRemovable,
  launchStatuses,
  openLaunchStatuses,
} from './launch-status'

describe('a launch’s life', () => {
  it('goes planned → in review → launched, can step back to planning, and a launched one is final', () => {
    expect(canMoveLaunch('PLANNED', 'IN_REVIEW')).toBe(true)
    expect(canMoveLaunch('PLANNED', 'LAUNCHED')).toBe(false)
    expect(canMoveLaunch('IN_REVIEW', 'LAUNCHED')).toBe(true)
    expect(canMoveLaunch('IN_REVIEW', 'PLANNED')).toBe(true)
    expect(canMoveLaunch('CANCELLED', 'PLANNED')).toBe(true)
    expect(launchStatuses.filter((to) => canMoveLaunch('LAUNCHED', to))).toEqual([])
  })

  it('builds its checklist while planned, judges it in review, and freezes it after', () => {
    expect(openLaunchStatuses).toEqual(['PLANNED', 'IN_REVIEW'])
    expect(launchStatuses.filter(checksRemovable)).toEqual(['PLANNED'])
    expect(launchStatuses.filter(checksJudged)).toEqual(['IN_REVIEW'])
    expect(checklistOpen('LAUNCHED') || checklistOpen('CANCELLED')).toBe(false)
  })
})

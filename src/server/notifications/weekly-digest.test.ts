import { describe, expect, it } from 'vitest'
import { isoWeek } from './weekly-digest'

describe('isoWeek', () => {
  it.each([
    ['2026-11-30T09:00:00Z', '2026-W49'], // a Monday
    ['2026-12-06T23:59:00Z', '2026-W49'], // the Sunday of the same week
    ['2027-01-01T00:00:00Z', '2026-W53'], // a Friday: still the last week of 2026
    ['2024-12-30T00:00:00Z', '2025-W01'], // a Monday in the first week of 2025
    ['2021-01-03T12:00:00Z', '2020-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeek(new Date(date))).toBe(week)
  })
})

/** What a launch's check can be: the launch review's choices (without zod, for its forms). */
export const checkStatuses = ['PENDING', 'PASS', 'FAIL', 'NA', 'WAIVED'] as const
export type CheckStatus = (typeof checkStatuses)[number]

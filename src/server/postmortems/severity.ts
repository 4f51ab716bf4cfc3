/** A postmortem's severity, most severe first. No imports: client components read it too. */
export const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const
export type Severity = (typeof severities)[number]

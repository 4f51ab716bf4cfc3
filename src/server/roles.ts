import type { Role } from '@/generated/prisma/enums'

export type { Role }
export const roles = ['ADMIN', 'EDITOR', 'VIEWER'] as const satisfies readonly Role[]

/** The signed-in person a use case acts for. */
export type Actor = { id: string; name: string; email: string; role: Role }

const rank: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 }

/** Viewers read, editors write, admins also manage users and templates. */
export function hasRole(actor: Pick<Actor, 'role'>, atLeast: Role): boolean {
  return rank[actor.role] >= rank[atLeast]
}

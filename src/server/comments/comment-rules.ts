import { hasRole, type Actor } from '../roles'

/*
 * Who may do what with comments (decision 024), for the use cases that enforce it and the
 * pages that offer it. Anyone who can read a postmortem reads its threads; editors and admins
 * — the people who write and review postmortems — start threads, reply, resolve and reopen.
 */
export const canComment = (actor: Pick<Actor, 'role'>) => hasRole(actor, 'EDITOR')

/** How long a password may be, in characters: the account forms show it, the server checks it. */
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

/** The API's mount point; the server and every client build URLs from it. */
export const apiPrefix = '/api/v1'

/** How long tokens live. Access tokens are short so a disabled account loses access quickly. */
export const tokenLifetimes = {
  accessSeconds: 15 * 60,
  refreshSeconds: 30 * 24 * 3600,
} as const

/** Password lockout: after this many consecutive failures the account is locked for a while. */
export const lockoutPolicy = { maxFailures: 5, lockMinutes: 15 } as const

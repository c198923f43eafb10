/**
 * Issue #12: the scrypt cost (log2 N) for new hashes in tests, given as PASSWORD_HASH_COST by the
 * vitest configs (server and test workspaces; servers the browser tests spawn inherit it).
 * Production uses 15.
 */
export const testPasswordHashCost = 10

/** Issue #12: the scrypt cost (log2 N) the test setup gives new hashes; production uses 15. */
export const testPasswordHashCost = 10

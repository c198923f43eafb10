import { defineConfig } from 'vitest/config'
import { testPasswordHashCost } from './test/passwordCost'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/globalSetup.ts'],
    setupFiles: ['./test/setupDatabase.ts'],
    // Cheap password hashes for the fixtures (issue #12); read by the configuration like any setting.
    env: { PASSWORD_HASH_COST: String(testPasswordHashCost) },
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})

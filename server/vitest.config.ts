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
    // One module graph per worker, not per file (issue #12: importing the server took longer than
    // most files' tests). setupDatabase.ts gives each file an empty database and forgets what the
    // server keeps in memory (src/processState), so files still start as on a fresh server.
    isolate: false,
    maxWorkers: 2,
    // Generous: on a machine shared by several test runs a request can take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})

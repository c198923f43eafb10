import { defineConfig } from 'vitest/config'
import { testPasswordHashCost } from '../server/test/passwordCost'

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts', 'fuzz/**/*.test.ts', 'faults/**/*.test.ts', 'weapp/**/*.test.ts'],
    // One database for the run (as for the server's tests), an up-to-date H5 build, one bundle of
    // the server that every startServer runs, one Chromium the browser tests connect to, and one
    // seeded server for the files that can share it (serverAndBrowser({ shared: true })).
    globalSetup: [
      '../server/test/globalSetup.ts',
      './support/buildH5.ts',
      './support/serverBundle.ts',
      './support/sharedBrowser.ts',
      './support/sharedServer.ts',
    ],
    // Cheap password hashes (issue #12): the servers these tests start inherit it and read it
    // through their configuration, as they would any setting.
    env: { PASSWORD_HASH_COST: String(testPasswordHashCost) },
    pool: 'forks',
    // One file at a time. Measured with two (the files are independent: own server, database,
    // port and browser context): at load 17-19 on this 2-core machine, 5 of the first 13 files
    // failed because their server was not ready within the deadline, against 8 of 28 with one.
    maxWorkers: 1,
    testTimeout: 60_000,
    // Above startServer's readiness deadline, which a start at load 20 can approach.
    hookTimeout: 180_000,
  },
})

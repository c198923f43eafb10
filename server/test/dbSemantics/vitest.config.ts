import { defineConfig } from 'vitest/config'

/**
 * `npm run test:db`: only the database semantics the server relies on, against MONGODB_URI when set
 * (e.g. a MongoDB replica set), else the local default (DB_BACKEND=sqlite: FerretDB on SQLite).
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/dbSemantics/**/*.test.ts'],
    globalSetup: ['./test/globalSetup.ts'],
    setupFiles: ['./test/setupDatabase.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})

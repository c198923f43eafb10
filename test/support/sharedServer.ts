import type { TestProject } from 'vitest/node'
import { freePort } from '../../server/src/db/localDatabase'
import { startServer } from './server'

/** Where serverAndBrowser({ shared: true }) finds the run's shared server (inherited by workers). */
export const sharedServerVariable = 'MINQING_TEST_SHARED_SERVER'
/** Its database, for a test that reads what the server wrote. */
export const sharedServerDatabaseVariable = 'MINQING_TEST_SHARED_SERVER_DB'

/**
 * globalSetup: one seeded server for the browser test files that only add records of their own and
 * do not need a pristine database (serverAndBrowser({ shared: true })): each of them saved a
 * server start (process start, indexes, demo seed: 6-12 s at load 2-8). It is started, not awaited:
 * the files that use it wait for its readiness, so a run of files with servers of their own does
 * not wait for it, and it starts beside the first file's own server.
 */
export default async function setup(project: TestProject) {
  const port = await freePort()
  const uri = new URL(project.getProvidedContext().mongoUri)
  uri.pathname = '/e2e_shared'
  const starting = startServer(uri.toString(), {}, { port, sameDatabase: true })
  // Its failure is reported here (with the server's output) and by the files that wait for it.
  starting.catch((error: unknown) => console.error('[shared test server]', error))
  process.env[sharedServerVariable] = `http://127.0.0.1:${port}`
  process.env[sharedServerDatabaseVariable] = uri.toString()
  return async () => {
    const server = await starting.catch(() => undefined)
    await server?.stop()
  }
}

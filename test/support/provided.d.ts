import 'vitest'

// What ../server/test/globalSetup.ts provides to the tests of this workspace too.
declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string
    databaseKind: string
    postgresUrl: string
  }
}

/**
 * Which server speaks the MongoDB protocol to us. MongoDB (production, a replica set) updates
 * atomically, retries writes, expires documents by TTL index; FerretDB v1 (the embedded default)
 * does none of these (see shared/NOTES-db.md), so the workarounds in this folder switch on it.
 * Domain code asks the capability functions below, never the flavour.
 */
export type DatabaseFlavour = 'mongodb' | 'ferretdb'

export interface FlavourDetection {
  flavour: DatabaseFlavour
  /** "FerretDB v1.24.0", "MongoDB 7.0.12", or the forcing variable. */
  version: string
  forced: boolean
}

/** DB_FLAVOUR, checked: a typo must not silently pick the other set of semantics. */
export function flavourFromEnv(value = process.env.DB_FLAVOUR): DatabaseFlavour | undefined {
  if (value === undefined || value === '') return undefined
  if (value === 'mongodb' || value === 'ferretdb') return value
  throw new Error(`DB_FLAVOUR must be "mongodb" or "ferretdb" (got "${value}")`)
}

/** FerretDB answers `buildInfo` as MongoDB 7 would, plus its own `ferretdbVersion`. */
export function flavourOfBuildInfo(buildInfo: Record<string, unknown>): FlavourDetection {
  if (typeof buildInfo.ferretdbVersion === 'string')
    return { flavour: 'ferretdb', version: `FerretDB ${buildInfo.ferretdbVersion}`, forced: false }
  return { flavour: 'mongodb', version: `MongoDB ${String(buildInfo.version)}`, forced: false }
}

// Until a connection says otherwise, assume the server that needs the workarounds: they are
// correct on MongoDB too, only slower.
let current: DatabaseFlavour = 'ferretdb'

export function setDatabaseFlavour(flavour: DatabaseFlavour): void {
  current = flavour
}

export function databaseFlavour(): DatabaseFlavour {
  return current
}

/** `$inc`, `findOneAndUpdate` and first upserts are decided by the server, not read-then-write. */
export function hasAtomicUpdates(): boolean {
  return current === 'mongodb'
}

/** TTL indexes exist (FerretDB v1: "expireAfterSeconds is not implemented yet"). */
export function hasTtlIndexes(): boolean {
  return current === 'mongodb'
}

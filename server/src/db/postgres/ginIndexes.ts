import mongoose from 'mongoose'
import pg from 'pg'
import { ginIndexName, ginPlan, ginPrefix, identifier, type DeclaredCollection } from './ginPlan'

/** The declared indexes of every registered mongoose model, as ginPlan reads them. */
export function declaredCollections(): DeclaredCollection[] {
  return mongoose.modelNames().map((name) => {
    const model = mongoose.model(name)
    const indexes = model.schema.indexes() as DeclaredCollection['indexes']
    // schema.path resolves dotted paths into nested schemas too (deadlines.dueAt).
    const fields = new Set(indexes.flatMap(([keys]) => Object.keys(keys)))
    const dateFields = [...fields].filter((field) => model.schema.path(field)?.instance === 'Date')
    return {
      collection: model.collection.collectionName,
      indexes,
      dateFields,
    }
  })
}

export interface GinSyncResult {
  created: string[]
  dropped: string[]
}

/**
 * Keeps the GIN expression indexes on FerretDB's tables in step with the models: creates the
 * missing ones, drops ours that no model declares any more. FerretDB names its tables itself; they
 * are found in its `<database>._ferretdb_database_metadata` table. Run after the collections exist
 * (after mongoose's createIndexes).
 */
export async function syncGinIndexes(
  postgresUrl: string,
  database: string,
  collections: DeclaredCollection[] = declaredCollections(),
): Promise<GinSyncResult> {
  const client = new pg.Client({ connectionString: postgresUrl })
  await client.connect()
  try {
    const schema = identifier(database)
    const tables = new Map<string, string>()
    const metadata = await client.query<{ collection: string; table: string }>(
      `SELECT _jsonb->>'_id' AS collection, _jsonb->>'table' AS table FROM ${schema}._ferretdb_database_metadata`,
    )
    for (const row of metadata.rows) tables.set(row.collection, row.table)

    const wanted = new Map<string, { table: string; columns: string }>()
    for (const index of ginPlan(collections)) {
      const table = tables.get(index.collection)
      if (!table) continue
      const columns = index.expressions.map((expression) => `${expression} jsonb_path_ops`).join(', ')
      wanted.set(ginIndexName(table, index.fields), { table, columns })
    }
    const existing = await client.query<{ name: string }>(
      `SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE $2`,
      [database, `${ginPrefix}%`],
    )
    const present = new Set(existing.rows.map((row) => row.name))

    const created: string[] = []
    const analyze = new Set<string>()
    for (const [name, { table, columns }] of wanted) {
      if (present.has(name)) continue
      await client.query(
        `CREATE INDEX IF NOT EXISTS ${identifier(name)} ON ${schema}.${identifier(table)} ` +
          `USING gin (${columns})`,
      )
      created.push(name)
      analyze.add(table)
    }
    const dropped: string[] = []
    for (const name of present) {
      if (wanted.has(name)) continue
      await client.query(`DROP INDEX IF EXISTS ${schema}.${identifier(name)}`)
      dropped.push(name)
    }
    // Statistics on the new expressions let the planner weigh them against a scan right away.
    for (const table of analyze) await client.query(`ANALYZE ${schema}.${identifier(table)}`)
    return { created, dropped }
  } finally {
    await client.end()
  }
}

import { createHash } from 'node:crypto'

/**
 * Which GIN expression indexes FerretDB's PostgreSQL tables need, from the indexes the mongoose
 * models declare. Pure, so the choice is tested without a database.
 *
 * FerretDB v1 pushes a top-level equality down as `_jsonb->'field' @> value` (a dotted path as
 * `_jsonb #> '{a,b}' @> value`) and nothing else ($in, ranges, $or stay in Go). Its own btree
 * indexes cannot serve `@>`; a GIN index on the same expression can. One index per field (not per
 * compound index): a query filtering on any subset of a compound index's fields then finds an
 * index for each, and PostgreSQL combines them (BitmapAnd) or picks the most selective.
 */

export interface DeclaredCollection {
  collection: string
  /** `schema.indexes()` of the model: [fields, options] pairs. */
  indexes: Array<[Record<string, unknown>, unknown]>
  /** Date fields are only ever sorted or compared by range, which FerretDB never pushes down. */
  dateFields: string[]
}

export interface GinIndex {
  collection: string
  field: string
  /** The SQL expression, written exactly as FerretDB's filter produces it once its parameters are bound. */
  expression: string
}

export const ginPrefix = 'mqgin_'

export function ginPlan(collections: DeclaredCollection[]): GinIndex[] {
  const plan: GinIndex[] = []
  for (const { collection, indexes, dateFields } of collections) {
    const fields = new Set<string>(['_id'])
    for (const [keys] of indexes) {
      for (const field of Object.keys(keys)) if (!dateFields.includes(field)) fields.add(field)
    }
    for (const field of fields) plan.push({ collection, field, expression: expressionFor(field) })
  }
  return plan
}

function expressionFor(field: string): string {
  const parts = field.split('.')
  if (parts.length === 1) return `(_jsonb -> ${literal(field)})`
  return `(_jsonb #> ${literal(`{${parts.join(',')}}`)}::text[])`
}

/** A SQL string literal (field names come from our own models, but quote them properly anyway). */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

export function identifier(value: string): string {
  return `"${value.replaceAll('"', '""')}"`
}

/** Index names are unique per schema and at most 63 bytes: table hash + readable field. */
export function ginIndexName(table: string, field: string): string {
  const hash = createHash('sha256').update(`${table}\0${field}`).digest('hex').slice(0, 10)
  const readable = field.replace(/[^a-zA-Z0-9]/g, '_').toLowerCase()
  return `${ginPrefix}${hash}_${readable}`.slice(0, 63)
}

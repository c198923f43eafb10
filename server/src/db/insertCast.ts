import type { HydratedDocument, Model, Schema } from 'mongoose'

/**
 * New documents for a hot insert, cast and defaulted as mongoose would, without building a
 * mongoose document: `new Model()` and `save()` cost ~1.3 ms each on this machine (setters, change
 * tracking, validation, hooks) — more than the rest of a submission. Only for inputs the caller
 * validated already (zod at the route): enums and `required` are not checked again here.
 *
 * Casting is mongoose's own (`Model.castObject`); defaults are the schema's, top level and inside
 * single nested subdocuments; timestamps and the version key are set when the schema keeps them.
 */
export function castNew<T>(model: Model<T>, data: Record<string, unknown>, now = new Date()) {
  const raw = model.castObject(data) as Record<string, unknown>
  keepNulls(data, raw)
  applyDefaults(model.schema, raw)
  if (model.schema.get('timestamps')) {
    raw.createdAt ??= now
    raw.updatedAt ??= now
  }
  // Mongoose stores a new document at version 0 (`__v`, unless the schema turns the key off).
  const versionKey = model.schema.get('versionKey') as string | false | undefined
  if (versionKey) raw[versionKey] ??= 0
  return raw
}

interface DefaultStep {
  /** The path's parents, then its own name (`a.b.c` → ['a', 'b'], 'c'). */
  parents: string[]
  name: string
  defaultValue: unknown
  /** A single nested subdocument's schema: its own defaults apply inside it. */
  nested?: Schema
}

/**
 * What applyDefaults walks, worked out once per schema (splitting every path name and reading
 * every schema type per insert was a tenth of the submit path's own CPU). Schemas do not change
 * after the models are compiled.
 */
const plans = new WeakMap<Schema, DefaultStep[]>()

function defaultsPlan(schema: Schema): DefaultStep[] {
  let plan = plans.get(schema)
  if (plan) return plan
  plan = Object.entries(schema.paths).map(([path, type]) => {
    const parts = path.split('.')
    const schemaType = type as unknown as {
      defaultValue?: unknown
      schema?: Schema
      $isSingleNested?: boolean
    }
    return {
      parents: parts.slice(0, -1),
      name: parts.at(-1)!,
      defaultValue: schemaType.defaultValue,
      nested: schemaType.$isSingleNested ? schemaType.schema : undefined,
    }
  })
  plans.set(schema, plan)
  return plan
}

function applyDefaults(schema: Schema, target: Record<string, unknown>): void {
  for (const { parents, name, defaultValue, nested } of defaultsPlan(schema)) {
    let parent: Record<string, unknown> = target
    for (const part of parents) {
      const next = parent[part]
      if (next === null || typeof next !== 'object') {
        parent = (parent[part] = {}) as Record<string, unknown>
      } else parent = next as Record<string, unknown>
    }
    let current = parent[name]
    if (current === undefined) {
      if (defaultValue === undefined) continue
      current = parent[name] =
        typeof defaultValue === 'function' ? (defaultValue as () => unknown)() : defaultValue
    }
    // A subdocument, given or defaulted (`default: () => ({})`), gets its own defaults too.
    if (nested && current && typeof current === 'object')
      applyDefaults(nested, current as Record<string, unknown>)
  }
}

/** castObject leaves out fields given as null; mongoose stores them as null. */
function keepNulls(data: Record<string, unknown>, raw: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) {
    if (value === null) raw[key] = null
    else if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      !(value instanceof Date) &&
      raw[key] &&
      typeof raw[key] === 'object' &&
      Object.getPrototypeOf(value) === Object.prototype
    )
      keepNulls(value as Record<string, unknown>, raw[key] as Record<string, unknown>)
  }
}

/**
 * Inserts documents made by `castNew` through the driver, in order (a duplicate key stops the
 * rest, as mongoose's ordered insertMany does), and returns them as read-only records: plain
 * objects with the `id` virtual, which is all the callers of a fresh insert read.
 */
export async function insertCast<T>(model: Model<T>, docs: Array<Record<string, unknown>>) {
  if (docs.length === 1) await model.collection.insertOne(docs[0]!)
  else await model.collection.insertMany(docs, { ordered: true })
  return docs.map((doc) => ({ ...doc, id: String(doc._id) }) as unknown as HydratedDocument<T>)
}

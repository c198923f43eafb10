import { z } from 'zod'

export type JsonSchema = Record<string, unknown>

/**
 * zod → JSON Schema (2020-12, what OpenAPI 3.1 uses). Definitions zod puts in `$defs` (recursive
 * and named schemas) move to `components.schemas`, since a `$ref` inside an operation resolves
 * against the whole document; anonymous ones are named after the operation.
 */
export function jsonSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Record<string, JsonSchema>,
  owner: string,
): JsonSchema {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema
  const {
    $schema: _dialect,
    $defs,
    ...rest
  } = generated as JsonSchema & { $defs?: Record<string, JsonSchema> }
  const names = new Map<string, string>()
  for (const name of Object.keys($defs ?? {}))
    names.set(name, name.startsWith('__schema') ? `${owner}_${name.replace('__schema', '')}` : name)
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) =>
        key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/')
          ? [key, `#/components/schemas/${names.get(inner.slice('#/$defs/'.length))}`]
          : [key, rewrite(inner)],
      ),
    )
  }
  for (const [name, definition] of Object.entries($defs ?? {}))
    components[names.get(name)!] = rewrite(definition) as JsonSchema
  return rewrite(rest) as JsonSchema
}

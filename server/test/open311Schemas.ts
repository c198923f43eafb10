import AjvModule from 'ajv'
import addFormatsModule from 'ajv-formats'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'

/** The official GeoReport v2 JSON Schemas (copied from ../shared/open311-schemas, unchanged). */
const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'open311-schemas')
// Both packages are CommonJS with a default export: take it whichever way the loader hands it over.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ??
  AjvModule) as typeof AjvModule
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)
for (const name of ['request', 'requests', 'service', 'services', 'service-definition'])
  ajv.addSchema(JSON.parse(readFileSync(path.join(schemaDir, `${name}.json`), 'utf8')), `${name}.json`)

/** Asserts `data` is valid against one official schema (`request.json`, `services.json`…). */
export function expectValid(schema: string, data: unknown) {
  const validate = ajv.getSchema(schema)!
  const valid = validate(data)
  expect(validate.errors ?? [], JSON.stringify(data).slice(0, 300)).toEqual([])
  expect(valid).toBe(true)
}

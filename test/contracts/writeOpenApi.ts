import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { openApiDocument } from '../../server/src/openapi/openApiDocument'
import { routeTable } from '../../server/src/routes'

/** Writes the server's OpenAPI document (as /openapi.json serves it) for the linter and the client generator. */
const target = process.argv[2] ?? 'contracts/generated/openapi.json'
mkdirSync(path.dirname(target), { recursive: true })
writeFileSync(target, JSON.stringify(openApiDocument(routeTable, '0.0.0-contract-check'), null, 2))
console.log(`OpenAPI document with ${routeTable.length} operations written to ${target}`)

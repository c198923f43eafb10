import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The browser tests run against the real H5 build: build it when the sources are newer. */
export default function setup() {
  execFileSync('node', [path.join(root, 'miniapp/scripts/build-if-stale.mjs')], { stdio: 'inherit' })
}

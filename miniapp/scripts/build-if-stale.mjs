// Builds the H5 app (or, with `--type=weapp`, the mini-program) unless the last production build
// made by this script was made from the same sources (keeps `npm start` and the tests fast).
// `--force` always builds.
import { execSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const miniapp = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const typeArg = process.argv.find((arg) => arg.startsWith('--type='))
const type = typeArg ? typeArg.slice('--type='.length) : 'h5'
if (!['h5', 'weapp'].includes(type)) throw new Error(`unknown build type ${type}`)
const marker = path.join(miniapp, `dist/${type}/.minqing-build.json`)

// A hash of the sources' paths and contents, not their modification times: a fresh clone, a git
// worktree or a branch switch touches every file without changing it, and a rebuild costs 5-15
// minutes on a loaded machine (issue #12).
function hashTree(hash, dir) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) hashTree(hash, full)
    else
      hash
        .update(`${path.relative(miniapp, full)}\0`)
        .update(readFileSync(full))
        .update('\0')
  }
}

const sources = [
  path.join(miniapp, 'src'),
  path.join(miniapp, 'config'),
  path.resolve(miniapp, '../shared/src'),
]
const hash = createHash('sha256')
for (const dir of sources) hashTree(hash, dir)
const sourceHash = hash.digest('hex')
const built = existsSync(marker) ? JSON.parse(readFileSync(marker, 'utf8')) : null
if (!process.argv.includes('--force') && built && built.sourceHash === sourceHash) {
  console.log(`[minqing] ${type} build is up to date`)
} else {
  console.log(`[minqing] building the ${type} app...`)
  // Callers such as vitest set NODE_ENV=test, which would make Taro emit a development build
  // (React Refresh hooks that fail at run time): the served app is always a production build.
  execSync(`npx taro build --type ${type}`, {
    cwd: miniapp,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  writeFileSync(marker, JSON.stringify({ sourceHash, builtAt: new Date().toISOString() }))
}

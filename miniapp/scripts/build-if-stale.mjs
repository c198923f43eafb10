// Builds the H5 app (or, with `--type=weapp`, the mini-program) unless the last production build
// made by this script is newer than every source file (keeps `npm start` and the tests fast).
// `--force` always builds.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const miniapp = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const typeArg = process.argv.find((arg) => arg.startsWith('--type='))
const type = typeArg ? typeArg.slice('--type='.length) : 'h5'
if (!['h5', 'weapp'].includes(type)) throw new Error(`unknown build type ${type}`)
const marker = path.join(miniapp, `dist/${type}/.minqing-build.json`)

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

const sources = [
  path.join(miniapp, 'src'),
  path.join(miniapp, 'config'),
  path.resolve(miniapp, '../shared/src'),
]
const sourceTime = Math.max(...sources.map(newestMtime))
const built = existsSync(marker) ? JSON.parse(readFileSync(marker, 'utf8')) : null
if (!process.argv.includes('--force') && built && built.sourceTime >= sourceTime) {
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
  writeFileSync(marker, JSON.stringify({ sourceTime, builtAt: new Date().toISOString() }))
}

// Builds the H5 app unless dist/h5 is newer than every source file (keeps `npm start` fast).
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const miniapp = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const built = path.join(miniapp, 'dist/h5/index.html')

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
if (existsSync(built) && statSync(built).mtimeMs > sourceTime) {
  console.log('[minqing] H5 build is up to date')
} else {
  console.log('[minqing] building the H5 app...')
  execSync('npm run build:h5', { cwd: miniapp, stdio: 'inherit' })
}

import { execSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

function folderBytes(dir: string, skip: (relative: string) => boolean, root = dir): number {
  let total = 0
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry)
    const relative = path.relative(root, full)
    if (skip(relative)) continue
    total += statSync(full).isDirectory() ? folderBytes(full, skip, root) : statSync(full).size
  }
  return total
}

/**
 * The weapp main package (everything outside the subpackage roots; WeChat's limit is 2 MB) and
 * the JS the H5 app loads first (the entry scripts of index.html, gzip). Builds what is missing.
 */
export function benchPackageSize(root: string) {
  const weapp = path.join(root, 'miniapp/dist/weapp')
  if (!existsSync(path.join(weapp, 'app.json')))
    execSync('npm run build:weapp', { cwd: root, stdio: 'inherit' })
  const h5 = path.join(root, 'miniapp/dist/h5')
  if (!existsSync(path.join(h5, 'index.html'))) execSync('npm run build:h5', { cwd: root, stdio: 'inherit' })

  const app = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>
  }
  const subRoots = (app.subPackages ?? []).map((sub) => sub.root.replace(/\/$/, ''))
  const main = folderBytes(weapp, (relative) =>
    subRoots.some((sub) => relative === sub || relative.startsWith(`${sub}/`)),
  )
  const subpackages = Object.fromEntries(
    subRoots.map((sub) => [sub, Math.round(folderBytes(path.join(weapp, sub), () => false) / 1024)]),
  )

  const html = readFileSync(path.join(h5, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) =>
    match[1]!.replace(/^\//, ''),
  )
  const gzipBytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(path.join(h5, src))).length, 0)
  return {
    weappMainPackageKB: Math.round(main / 1024),
    weappSubpackagesKB: subpackages,
    h5FirstLoadJsGzipKB: Number((gzipBytes / 1024).toFixed(1)),
    h5EntryScripts: scripts.length,
  }
}

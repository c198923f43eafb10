// npm run weapp:upload [-- --preview] [-- --dry-run]: builds the mini-program and uploads it (or
// makes a preview QR code) with WeChat's miniprogram-ci. See README "WeChat mini-program".
import { execFileSync, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { planUpload } from './weappUploadPlan.mjs'

const miniapp = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const plan = planUpload(process.env, process.argv.slice(2), miniapp)
if (!plan.ok) {
  console.error('weapp:upload is not configured:\n  ' + plan.problems.join('\n  '))
  process.exit(2)
}
if (process.argv.includes('--dry-run')) {
  console.log(plan.printable)
  process.exit(0)
}
execFileSync('node', [path.join(miniapp, 'scripts/build-if-stale.mjs'), '--type=weapp'], { stdio: 'inherit' })
const result = spawnSync(plan.command, plan.args, { stdio: 'inherit' })
process.exit(result.status ?? 1)

/**
 * npm run backup [-- FILE]: a consistent, compressed backup of the embedded database (default
 * DATA_DIR/backups/minqing-<UTC time>.pgdump). Safe while the server runs. Production runs on
 * MongoDB and is backed up there (README, "Backups").
 */
import path from 'node:path'
import { loadConfig } from '../src/config/config'
import { fromProjectRoot } from '../src/config/paths'
import { backupDatabase } from '../src/db/backup/backupDatabase'

const config = loadConfig()
if (config.MONGODB_URI) {
  console.error('MONGODB_URI is set: back up that MongoDB with its own tools (see README, "Backups").')
  process.exit(1)
}
const dataDir = fromProjectRoot(config.DATA_DIR)
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z')
const file = process.argv[2] ?? path.join(dataDir, 'backups', `minqing-${stamp}.pgdump`)
try {
  const result = await backupDatabase({ dataDir, file })
  console.log(`[minqing] backup written: ${result.file} (${(result.bytes / 1024).toFixed(0)} KiB)`)
} catch (error) {
  console.error(`[minqing] backup failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

/**
 * npm run restore -- FILE: replaces the embedded database with a backup made by npm run backup.
 * Stop the server first (the restore refuses a running database).
 */
import { loadConfig } from '../src/config/config'
import { fromProjectRoot } from '../src/config/paths'
import { restoreDatabase } from '../src/db/backup/restoreDatabase'

const file = process.argv[2]
if (!file) {
  console.error('usage: npm run restore -- FILE   (a .pgdump written by npm run backup)')
  process.exit(1)
}
const config = loadConfig()
if (config.MONGODB_URI) {
  console.error('MONGODB_URI is set: restore that MongoDB with its own tools (see README, "Backups").')
  process.exit(1)
}
try {
  await restoreDatabase({ dataDir: fromProjectRoot(config.DATA_DIR), file })
  console.log(`[minqing] restored ${file}; start the server with npm start`)
} catch (error) {
  console.error(`[minqing] restore failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

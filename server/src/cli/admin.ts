import { AppError, createUserInputSchema, maskPhone, parseOrThrow } from '@minqing/shared'
import mongoose from 'mongoose'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config/config'
import { fromProjectRoot } from '../config/paths'
import { connectDatabase } from '../db/connect'
import { ensureIndexes } from '../db/ensureIndexes'
import { startLocalDatabase } from '../db/localDatabase'
import '../models'
import { createUser } from '../users/createUser'
import { configurePasswords } from '../auth/passwords'

const usage = `Usage: npm run admin -- create --phone 13900000000 --name 管理员 [--password ...]
The password can also come from ADMIN_PASSWORD (better: it stays out of shell history).`

/** Creates the first admin account (or any further one) on the configured database. */
async function run(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { phone: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  })
  if (positionals[0] !== 'create') {
    console.error(usage)
    process.exit(2)
  }
  const input = parseOrThrow(createUserInputSchema, {
    phone: values.phone,
    name: values.name ?? '管理员',
    role: 'admin',
    password: values.password ?? process.env.ADMIN_PASSWORD,
  })
  const config = loadConfig()
  configurePasswords(config)
  const local = config.MONGODB_URI
    ? undefined
    : await startLocalDatabase({ dataDir: fromProjectRoot(config.DATA_DIR), reuse: true })
  await connectDatabase(config.MONGODB_URI ?? local!.uri, undefined, { flavour: config.DB_FLAVOUR })
  await ensureIndexes(local, config)
  try {
    const user = await createUser(input)
    const masked = maskPhone(input.phone)
    console.log(`admin created: id ${user.id}, phone ${masked}`)
  } finally {
    await mongoose.disconnect()
    if (local?.owned) await local.stop()
  }
}

run().catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(`${error.code}: ${error.message} / ${error.messageEn}`)
    for (const issue of error.issues ?? []) console.error(`  ${issue.path}: ${issue.message}`)
  } else {
    console.error(error instanceof Error ? error.message : error)
  }
  process.exit(1)
})

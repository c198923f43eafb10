import { defaultReplyTemplates } from '@minqing/shared'
import { createHash } from 'node:crypto'
import { Types } from 'mongoose'
import { claimOnce } from '../db/claims'
import { isDuplicateKey } from '../db/duplicateKey'
import { ReplyTemplateModel } from './replyTemplate.model'

/** A shipped template's id is derived from its key, so two instances seeding at once insert it once. */
const seedId = (key: string) =>
  new Types.ObjectId(createHash('sha256').update(`replyTemplate|${key}`).digest().subarray(0, 12))

/**
 * Inserts the shipped templates once per database and district (a claim marks it done), so an
 * admin who deletes or edits one does not see it come back at the next start. Without a tenant:
 * the default district's (records from before tenants); a new district gets its own copies.
 */
export async function ensureDefaultReplyTemplates(now = new Date(), tenantId?: string): Promise<void> {
  if (!(await claimOnce(tenantId ? `seed|replyTemplates|v1|${tenantId}` : 'seed|replyTemplates|v1', now)))
    return
  const rows = defaultReplyTemplates.map(({ key, ...template }) => ({
    _id: seedId(tenantId ? `${tenantId}|${key}` : key),
    seedKey: key,
    ...template,
    ...(tenantId ? { tenantId } : {}),
  }))
  await ReplyTemplateModel.insertMany(rows, { ordered: false }).catch((error: unknown) => {
    if (!isDuplicateKey(error)) throw error
  })
}

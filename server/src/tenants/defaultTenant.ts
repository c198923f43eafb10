import mongoose from 'mongoose'
import { isDuplicateKey } from '../db/duplicateKey'
import { TenantModel } from './tenant.model'

/**
 * The tenant of everything recorded before tenants existed. Its id is a constant, so a record
 * without `tenantId` belongs to it without any backfill (FerretDB updates are read-then-write;
 * a start-up rewrite of every collection would race with live writes and cost a full scan).
 */
export const defaultTenantId = new mongoose.Types.ObjectId('000000000000000000000001')
export const defaultTenantCode = 'default'

/** Creates the default tenant once; a unique insert, so concurrent starts cannot duplicate it. */
export async function ensureDefaultTenant(name = '和平区'): Promise<void> {
  if (await TenantModel.exists({ _id: defaultTenantId })) return
  try {
    await TenantModel.create({ _id: defaultTenantId, code: defaultTenantCode, name })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

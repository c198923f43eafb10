import { configEntityTypes, roles } from '@minqing/shared'
import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'
import { appendOnly } from '../db/appendOnly'

/**
 * One change to configuration by an admin: who, when, which record, before → after (personal
 * fields masked before they get here). Append-only: updates and deletes are refused by hooks,
 * like case events.
 */
const configChangeSchema = new Schema(
  {
    entityType: { type: String, enum: configEntityTypes, required: true },
    entityId: { type: String, required: true },
    action: { type: String, required: true },
    actorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** The actor's district (tenants/); null = the default tenant. */
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', default: null },
    actorRole: { type: String, enum: roles, required: true },
    at: { type: Date, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, minimize: false },
)
configChangeSchema.index({ at: -1 })
configChangeSchema.index({ entityType: 1, at: -1 })
configChangeSchema.index({ entityId: 1, at: -1 })
configChangeSchema.index({ actorId: 1, at: -1 })

appendOnly(configChangeSchema, 'config changes')

export type ConfigChangeDocument = HydratedDocument<InferSchemaType<typeof configChangeSchema>>
export const ConfigChangeModel = mongoose.model('ConfigChange', configChangeSchema)

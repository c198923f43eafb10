import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'
import { expireAfter } from '../db/expiry'

/**
 * A photo arriving in chunks from the field. `received` only moves forward, one chunk at a time,
 * so the phone can ask how far it got and resume there after a dropped connection.
 */
const uploadSchema = new Schema(
  {
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    clientId: { type: String, required: true },
    size: { type: Number, required: true },
    received: { type: Number, default: 0 },
    status: { type: String, enum: ['receiving', 'complete', 'failed'], default: 'receiving' },
    fileId: { type: String, default: null },
    thumbnailId: { type: String, default: null },
    error: { type: String, default: null },
  },
  { timestamps: true },
)
uploadSchema.index({ uploadedBy: 1, clientId: 1 }, { unique: true })

export type UploadDocument = HydratedDocument<InferSchemaType<typeof uploadSchema>>
export const UploadModel = mongoose.model('Upload', uploadSchema)
// Idle sessions go (MongoDB's TTL index; expireUploads on FerretDB, which also takes the chunks).
expireAfter('Upload', 'updatedAt', (config) => config.UPLOAD_SESSION_TTL_HOURS * 3600)

const uploadChunkSchema = new Schema({
  uploadId: { type: Schema.Types.ObjectId, required: true },
  offset: { type: Number, required: true },
  data: { type: Buffer, required: true },
  /** When the chunk arrived: a TTL cannot follow its session, so chunks expire on their own. */
  at: { type: Date, default: Date.now },
})
uploadChunkSchema.index({ uploadId: 1, offset: 1 }, { unique: true })

export const UploadChunkModel = mongoose.model('UploadChunk', uploadChunkSchema)
// Twice the session's idle limit: a session finishes well within it, so only chunks whose session
// has already expired (and that expireUploads missed) are removed.
expireAfter('UploadChunk', 'at', (config) => 2 * config.UPLOAD_SESSION_TTL_HOURS * 3600)

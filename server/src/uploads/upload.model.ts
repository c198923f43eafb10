import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

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

const uploadChunkSchema = new Schema({
  uploadId: { type: Schema.Types.ObjectId, required: true },
  offset: { type: Number, required: true },
  data: { type: Buffer, required: true },
})
uploadChunkSchema.index({ uploadId: 1, offset: 1 }, { unique: true })

export const UploadChunkModel = mongoose.model('UploadChunk', uploadChunkSchema)

import { AppError, uploadLimits, type UploadStart } from '@minqing/shared'
import mongoose from 'mongoose'
import { storeImage } from '../files/gridfs'
import { UploadChunkModel, UploadModel, type UploadDocument } from './upload.model'
import { isDuplicateKey } from '../db/duplicateKey'

/** Starts (or, for a retried start with the same clientId, finds) an upload. */
export async function startUpload(userId: string, input: UploadStart): Promise<UploadDocument> {
  const existing = await UploadModel.findOne({ uploadedBy: userId, clientId: input.clientId })
  if (existing) return sameSize(existing, input.size)
  try {
    return await UploadModel.create({ uploadedBy: userId, clientId: input.clientId, size: input.size })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    return sameSize(
      (await UploadModel.findOne({ uploadedBy: userId, clientId: input.clientId }))!,
      input.size,
    )
  }
}

function sameSize(upload: UploadDocument, size: number): UploadDocument {
  if (upload.size !== size) {
    throw new AppError('CONFLICT', {
      details: { size: upload.size },
      issues: [
        {
          path: 'size',
          code: 'mismatch',
          message: '同一照片的大小不一致 / Size differs from the first start',
        },
      ],
    })
  }
  return upload
}

export async function findUpload(userId: string, id: string): Promise<UploadDocument> {
  const upload = mongoose.isValidObjectId(id)
    ? await UploadModel.findOne({ _id: id, uploadedBy: userId })
    : null
  if (!upload) throw new AppError('NOT_FOUND')
  return upload
}

/**
 * Appends one chunk at `offset`. A chunk the server already has (a retry after a lost answer) is
 * acknowledged without writing; a chunk past the end of what was received is refused with the
 * offset to resume from. When the last byte arrives the photo is checked and stored in GridFS.
 */
export async function appendChunk(
  upload: UploadDocument,
  offset: number,
  data: Buffer,
): Promise<UploadDocument> {
  if (upload.status !== 'receiving') return upload
  if (data.length === 0 || data.length > uploadLimits.chunkBytes)
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          path: 'body',
          code: 'chunk_size',
          message: `分片应为1–${uploadLimits.chunkBytes}字节 / Bad chunk size`,
        },
      ],
    })
  if (offset + data.length <= upload.received) return upload // already have it
  if (offset !== upload.received || offset + data.length > upload.size) {
    throw new AppError('UPLOAD_OFFSET_MISMATCH', {
      details: { received: upload.received, size: upload.size },
    })
  }
  try {
    await UploadChunkModel.create({ uploadId: upload._id, offset, data })
  } catch (error) {
    // The chunk was stored by an attempt that died before moving `received`: move it now.
    if (!isDuplicateKey(error)) throw error
    const stored = await UploadChunkModel.findOne({ uploadId: upload._id, offset }, { data: 1 })
    data = stored!.data
  }
  await UploadModel.updateOne(
    { _id: upload._id, received: offset },
    { $set: { received: offset + data.length } },
  )
  const current = (await UploadModel.findById(upload._id))!
  return current.received === current.size ? complete(current) : current
}

async function complete(upload: UploadDocument): Promise<UploadDocument> {
  const chunks = await UploadChunkModel.find({ uploadId: upload._id }).sort({ offset: 1 })
  const data = Buffer.concat(chunks.map((chunk) => chunk.data))
  try {
    const stored = await storeImage(data, String(upload.uploadedBy))
    await UploadModel.updateOne(
      { _id: upload._id, status: 'receiving' },
      { $set: { status: 'complete', fileId: stored.id, thumbnailId: stored.thumbnailId } },
    )
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    await UploadModel.updateOne({ _id: upload._id }, { $set: { status: 'failed', error: error.code } })
    await UploadChunkModel.deleteMany({ uploadId: upload._id })
    throw error
  }
  await UploadChunkModel.deleteMany({ uploadId: upload._id })
  return (await UploadModel.findById(upload._id))!
}

export function presentUpload(upload: UploadDocument) {
  return {
    id: String(upload._id),
    clientId: upload.clientId,
    size: upload.size,
    received: upload.received,
    status: upload.status,
    fileId: upload.fileId ?? null,
    chunkBytes: uploadLimits.chunkBytes,
  }
}

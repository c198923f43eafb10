import { AppError } from '@minqing/shared'
import { fileTypeFromBuffer } from 'file-type'
import mongoose from 'mongoose'
import type { Readable } from 'node:stream'

export const imageLimits = {
  maxBytes: 10 * 1024 * 1024,
  types: ['image/jpeg', 'image/png', 'image/webp'],
} as const

function bucket() {
  const db = mongoose.connection.db
  if (!db) throw new AppError('DATABASE_UNAVAILABLE')
  return new mongoose.mongo.GridFSBucket(db, { bucketName: 'photos' })
}

/**
 * Stores an image in GridFS after checking its real type by magic bytes (the declared content
 * type and file name are not trusted). A failed upload is deleted, so nothing half-written stays.
 */
export async function storeImage(
  data: Buffer,
  uploadedBy: string,
): Promise<{ id: string; contentType: string; size: number }> {
  if (data.length === 0) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'file', code: 'empty', message: '文件为空 / The file is empty' }],
    })
  }
  if (data.length > imageLimits.maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', { details: { maxBytes: imageLimits.maxBytes } })
  const detected = await fileTypeFromBuffer(data)
  if (!detected || !(imageLimits.types as readonly string[]).includes(detected.mime)) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', { details: { detected: detected?.mime ?? null } })
  }
  const upload = bucket().openUploadStream(`photo.${detected.ext}`, {
    metadata: { uploadedBy, contentType: detected.mime },
  })
  try {
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve())
      upload.once('error', reject)
      upload.end(data)
    })
  } catch (error) {
    await bucket()
      .delete(upload.id)
      .catch(() => undefined)
    throw error
  }
  return { id: String(upload.id), contentType: detected.mime, size: data.length }
}

export async function ownedFilesExist(ids: readonly string[], userId: string): Promise<boolean> {
  const files = await bucket()
    .find({ _id: { $in: ids.map((id) => new mongoose.Types.ObjectId(id)) }, 'metadata.uploadedBy': userId })
    .toArray()
  return files.length === new Set(ids).size
}

export async function openImage(
  id: string,
): Promise<{ stream: Readable; contentType: string; uploadedBy: string; size: number } | null> {
  const [file] = await bucket()
    .find({ _id: new mongoose.Types.ObjectId(id) })
    .toArray()
  if (!file) return null
  const metadata = (file.metadata ?? {}) as { uploadedBy?: string; contentType?: string }
  return {
    stream: bucket().openDownloadStream(file._id),
    contentType: metadata.contentType ?? 'application/octet-stream',
    uploadedBy: metadata.uploadedBy ?? '',
    size: file.length,
  }
}

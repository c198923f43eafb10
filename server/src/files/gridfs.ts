import { AppError } from '@minqing/shared'
import { fileTypeFromBuffer } from 'file-type'
import mongoose from 'mongoose'
import sharp from 'sharp'
import type { Readable } from 'node:stream'
import type { FileOwner } from './fileOwners'

export const imageLimits = {
  maxBytes: 10 * 1024 * 1024,
  types: ['image/jpeg', 'image/png', 'image/webp'],
  thumbnailPx: 320,
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
): Promise<{ id: string; contentType: string; size: number; thumbnailId: string }> {
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
  // Decoding for the thumbnail also proves the image is whole: a truncated file fails here.
  const thumbnail = await makeThumbnail(data)
  const thumbnailId = await writeFile(thumbnail, 'thumb.jpg', {
    uploadedBy,
    contentType: 'image/jpeg',
    variant: 'thumbnail',
  })
  try {
    const id = await writeFile(data, `photo.${detected.ext}`, {
      uploadedBy,
      contentType: detected.mime,
      thumbnailId: String(thumbnailId),
    })
    return { id: String(id), contentType: detected.mime, size: data.length, thumbnailId: String(thumbnailId) }
  } catch (error) {
    await bucket()
      .delete(thumbnailId)
      .catch(() => undefined)
    throw error
  }
}

/** A JPEG at most 320 px on its longer side, rotated by its EXIF orientation. */
async function makeThumbnail(data: Buffer): Promise<Buffer> {
  try {
    return await sharp(data, { failOn: 'truncated' })
      .rotate()
      .resize(imageLimits.thumbnailPx, imageLimits.thumbnailPx, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 70 })
      .toBuffer()
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        { path: 'file', code: 'corrupt', message: '图片已损坏或不完整 / The image is damaged or incomplete' },
      ],
    })
  }
}

/** Writes one GridFS file; a failed write is deleted so nothing half-written stays. */
async function writeFile(data: Buffer, filename: string, metadata: Record<string, string>) {
  const upload = bucket().openUploadStream(filename, { metadata })
  try {
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve())
      upload.once('error', reject)
      upload.end(data)
    })
    return upload.id
  } catch (error) {
    await bucket()
      .delete(upload.id)
      .catch(() => undefined)
    throw error
  }
}

export async function ownedFilesExist(ids: readonly string[], userId: string): Promise<boolean> {
  const files = await bucket()
    .find({
      _id: { $in: ids.map((id) => new mongoose.Types.ObjectId(id)) },
      'metadata.uploadedBy': userId,
      'metadata.variant': { $ne: 'thumbnail' },
    })
    .toArray()
  return files.length === new Set(ids).size
}

/** Opens a photo, or its thumbnail (photos stored before thumbnails existed fall back to the original). */
export async function openImage(
  id: string,
  variant: 'original' | 'thumbnail' = 'original',
): Promise<{
  stream: Readable
  contentType: string
  uploadedBy: string
  owners: FileOwner[] | undefined
  size: number
} | null> {
  const [original] = await bucket()
    .find({ _id: new mongoose.Types.ObjectId(id), 'metadata.variant': { $ne: 'thumbnail' } })
    .toArray()
  if (!original) return null
  const metadata = (original.metadata ?? {}) as {
    uploadedBy?: string
    contentType?: string
    thumbnailId?: string
    owners?: FileOwner[]
  }
  const thumbnail =
    variant === 'thumbnail' && metadata.thumbnailId
      ? (
          await bucket()
            .find({ _id: new mongoose.Types.ObjectId(metadata.thumbnailId) })
            .toArray()
        )[0]
      : undefined
  const file = thumbnail ?? original
  return {
    stream: bucket().openDownloadStream(file._id),
    contentType: thumbnail ? 'image/jpeg' : (metadata.contentType ?? 'application/octet-stream'),
    uploadedBy: metadata.uploadedBy ?? '',
    owners: metadata.owners,
    size: file.length,
  }
}

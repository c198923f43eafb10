import { z } from 'zod'
import { responseObject } from '../api/responseShapes'

/** A resumable upload as `presentUpload` shows it. */
export const uploadViewSchema = responseObject({
  id: z.string(),
  clientId: z.string(),
  size: z.number().int(),
  received: z.number().int(),
  status: z.enum(['receiving', 'complete', 'failed']),
  fileId: z.string().nullable(),
  chunkBytes: z.number().int(),
})

/** POST /files: the stored photo. */
export const storedFileResponseSchema = responseObject({
  id: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  thumbnailId: z.string(),
})

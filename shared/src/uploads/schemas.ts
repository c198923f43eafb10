import { z } from 'zod'

/** Photos from the field upload in chunks, so a dropped connection resumes instead of restarting. */
export const uploadLimits = { chunkBytes: 256 * 1024, maxBytes: 10 * 1024 * 1024 } as const

export const uploadStartSchema = z.object({
  /** The phone's own key for the photo: a retried start returns the same upload. */
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  size: z
    .number()
    .int()
    .min(1, { message: '文件为空 / The file is empty' })
    .max(uploadLimits.maxBytes, { message: '图片不能超过10MB / At most 10 MB' }),
})
export type UploadStart = z.infer<typeof uploadStartSchema>

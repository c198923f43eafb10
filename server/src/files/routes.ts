import multer from '@koa/multer'
import { AppError, objectIdSchema, roles } from '@minqing/shared'
import { z } from 'zod'
import { defineRoute, nonJson } from '../http/defineRoute'
import { imageLimits, openImage, storeImage } from './gridfs'
import { verifyFileSignature } from './signedUrl'
import { canReadFile } from './canReadFile'
// Response schemas (issue 12)
import { storedFileResponseSchema } from '@minqing/shared'

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: imageLimits.maxBytes, files: 1, fields: 5 },
})

/** Multer reports limits as MulterError codes: map them to our errors by code. */
function mapMulterError(error: unknown): never {
  const code = (error as { code?: string; name?: string }).code
  if ((error as { name?: string }).name === 'MulterError') {
    if (code === 'LIMIT_FILE_SIZE')
      throw new AppError('PAYLOAD_TOO_LARGE', { details: { maxBytes: imageLimits.maxBytes } })
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          path: 'file',
          code: code ?? 'invalid',
          message: '只能上传一个文件 / Send one file in field "file"',
        },
      ],
    })
  }
  if (error instanceof AppError) throw error
  if ((error as { code?: string }).code === 'ECONNRESET') throw error // the client went away
  // Anything else from the multipart parser (busboy) is a malformed body, not a server fault.
  throw new AppError('VALIDATION_FAILED', {
    issues: [{ path: 'file', code: 'malformed', message: '上传内容格式错误 / Malformed multipart body' }],
  })
}

export const fileRoutes = [
  defineRoute({
    method: 'post',
    path: '/files',
    access: roles,
    summary: 'Upload one photo (multipart field "file"): JPEG, PNG or WebP, at most 10 MB',
    status: 201,
    response: storedFileResponseSchema,
    handler: async (ctx, { viewer }) => {
      if (!ctx.is('multipart')) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
      await upload
        .single('file')(ctx, async () => undefined)
        .catch(mapMulterError)
      const file = (ctx as unknown as { file?: { buffer: Buffer } }).file
      if (!file) {
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: 'file', code: 'required', message: '请选择图片 / Attach an image' }],
        })
      }
      return storeImage(file.buffer, viewer.userId)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/files/:id',
    access: 'public',
    summary:
      'A photo, by a signed URL handed out with its case or visit, or with a token: its uploader and whoever may read its case or visit',
    params: z.object({ id: objectIdSchema }),
    query: z.object({
      expires: z.coerce.number().int().optional(),
      sig: z.string().max(100).optional(),
      variant: z.enum(['original', 'thumbnail']).default('original'),
    }),
    response: nonJson(['image/jpeg', 'image/png', 'image/webp'], 'The photo (or its thumbnail)'),
    handler: async (ctx, { params, query, viewer }) => {
      const signed =
        query.sig !== undefined &&
        query.expires !== undefined &&
        verifyFileSignature(ctx.deps.urlSecret, params.id, query.expires, query.sig, ctx.deps.clock.now())
      if (!signed && !viewer) throw new AppError('UNAUTHENTICATED')
      const image = await openImage(params.id, query.variant)
      if (!image) throw new AppError('NOT_FOUND')
      // Unsigned, the token decides, for every role alike: ids are ObjectIds and can be guessed.
      if (!signed && !(await canReadFile(viewer!, { id: params.id, ...image }))) {
        image.stream.destroy()
        throw new AppError('NOT_FOUND')
      }
      ctx.type = image.contentType
      ctx.length = image.size
      ctx.set('Cache-Control', 'private, max-age=86400')
      ctx.body = image.stream
      return undefined
    },
  }),
]

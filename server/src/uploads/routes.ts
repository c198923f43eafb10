import { AppError, uploadLimits, uploadStartSchema } from '@minqing/shared'
import type { Context } from 'koa'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { appendChunk, findUpload, presentUpload, startUpload } from './resumableUpload'
// Response schemas (issue 12)
import { uploadViewSchema } from '@minqing/shared'

const idParams = z.object({ id: z.string().max(64) })

/** Reads a raw chunk body, refusing more than one chunk's worth. */
async function readChunk(ctx: Context): Promise<Buffer> {
  if (!ctx.is('application/octet-stream')) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
  const parts: Buffer[] = []
  let length = 0
  for await (const part of ctx.req as AsyncIterable<Buffer>) {
    length += part.length
    if (length > uploadLimits.chunkBytes)
      throw new AppError('PAYLOAD_TOO_LARGE', { details: { maxBytes: uploadLimits.chunkBytes } })
    parts.push(part)
  }
  return Buffer.concat(parts)
}

export const uploadRoutes = [
  defineRoute({
    method: 'post',
    path: '/uploads',
    access: ['resident', 'staff', 'handler', 'leader', 'admin'],
    summary: 'Start a resumable photo upload (idempotent per clientId); send chunks with PUT',
    body: uploadStartSchema,
    status: 201,
    response: uploadViewSchema,
    handler: async (_ctx, { body, viewer }) => presentUpload(await startUpload(viewer.userId, body)),
  }),
  defineRoute({
    method: 'get',
    path: '/uploads/:id',
    access: ['resident', 'staff', 'handler', 'leader', 'admin'],
    summary: 'How much of an upload the server has: resume from `received`',
    params: idParams,
    response: uploadViewSchema,
    handler: async (_ctx, { params, viewer }) => presentUpload(await findUpload(viewer.userId, params.id)),
  }),
  defineRoute({
    method: 'put',
    path: '/uploads/:id',
    access: ['resident', 'staff', 'handler', 'leader', 'admin'],
    summary:
      'Send the chunk starting at ?offset= (application/octet-stream, ≤ 256 KiB); the last chunk stores the photo and answers its fileId',
    params: idParams,
    query: z.object({ offset: z.coerce.number().int().min(0).max(uploadLimits.maxBytes) }),
    response: uploadViewSchema,
    handler: async (ctx, { params, query, viewer }) => {
      const upload = await findUpload(viewer.userId, params.id)
      const data = await readChunk(ctx)
      return presentUpload(await appendChunk(upload, query.offset, data))
    },
  }),
]

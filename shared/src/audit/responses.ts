import { z } from 'zod'
import { isoTimeSchema, responseObject } from '../api/responseShapes'
import { roleSchema } from '../auth/roles'

export const contactViewsResponseSchema = responseObject({
  items: z.array(
    responseObject({
      id: z.string(),
      viewerId: z.string(),
      viewerRole: roleSchema,
      viewerUnitId: z.string().nullable(),
      caseId: z.string(),
      caseNumber: z.string(),
      fields: z.array(z.string()),
      at: isoTimeSchema,
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

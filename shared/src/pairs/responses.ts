import { z } from 'zod'
import { isoDaySchema, isoTimeSchema, itemsOf, responseObject } from '../api/responseShapes'

/** A pair as `presentPairs` shows it: the household's contact masked. */
export const pairViewSchema = responseObject({
  id: z.string(),
  household: responseObject({
    name: z.string(),
    address: z.string(),
    phone: z.string().optional(),
    tags: z.array(z.string()),
  }),
  revisitEveryDays: z.number().int(),
  pairedAt: isoTimeSchema,
  endedAt: isoTimeSchema.nullable(),
  lastVisitAt: isoTimeSchema.nullable(),
  revisit: responseObject({
    dueOn: isoDaySchema,
    state: z.enum(['ok', 'dueSoon', 'overdue']),
    daysLeft: z.number().int(),
  }),
})
export const pairListResponseSchema = itemsOf(pairViewSchema)

/** GET /pairs/:id: the pair with the household's full contact and the visit history. */
export const pairDetailResponseSchema = pairViewSchema.extend({
  household: responseObject({
    name: z.string(),
    address: z.string(),
    phone: z.string().nullable(),
    tags: z.array(z.string()),
  }),
  notes: z.string(),
  history: z.array(
    responseObject({
      id: z.string(),
      visitedAt: isoTimeSchema,
      purposes: z.array(z.string()),
      notes: z.string(),
    }),
  ),
})

export const pairEndedResponseSchema = responseObject({ id: z.string(), endedAt: isoTimeSchema })

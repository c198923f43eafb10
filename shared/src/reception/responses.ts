import { z } from 'zod'
import { isoDaySchema, isoTimeSchema, itemsOf, responseObject } from '../api/responseShapes'
import { caseStatusSchema } from '../cases/schemas'

export const dutyEntrySchema = responseObject({
  unitId: z.string(),
  date: isoDaySchema,
  leaderId: z.string(),
  leaderName: z.string().nullable(),
  place: z.string(),
})
export const dutyRosterResponseSchema = itemsOf(dutyEntrySchema)
export const dutyTodayResponseSchema = responseObject({
  date: isoDaySchema,
  myDuty: z.array(dutyEntrySchema),
  unitDuty: dutyEntrySchema.nullable(),
})

export const receptionRecordedResponseSchema = responseObject({
  id: z.string(),
  clientId: z.string(),
  receivedAt: isoTimeSchema,
  cases: z.array(
    responseObject({
      id: z.string(),
      number: z.string().nullable(),
      unitId: z.string().nullable(),
      status: caseStatusSchema.nullable(),
    }),
  ),
})
export const receptionListResponseSchema = itemsOf(
  responseObject({
    id: z.string(),
    receivedAt: isoTimeSchema,
    visitor: responseObject({ name: z.string(), phone: z.string().nullable() }),
    notes: z.string(),
    caseIds: z.array(z.string()),
    /** 当场解决 (issue 16): solved on the spot, with what was done. */
    solvedOnSite: z.array(
      responseObject({ categoryCode: z.string(), title: z.string(), resolution: z.string() }),
    ),
  }),
)

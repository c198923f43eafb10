import { z } from 'zod'
import { phoneSchema } from '../auth/schemas'
import { locationSchema } from '../cases/schemas'
import { objectIdSchema } from '../units/schemas'
import { visitProblemSchema } from '../visits/schemas'

/** 开门接访 duty roster: one leader receives the public on each listed day. */
export const dutyRosterInputSchema = z.object({
  unitId: objectIdSchema,
  assignments: z
    .array(
      z.object({
        date: z.iso.date(),
        leaderId: objectIdSchema,
        place: z.string().trim().max(100).default(''),
      }),
    )
    .min(1)
    .max(400),
})
export type DutyRosterInput = z.infer<typeof dutyRosterInputSchema>

export const solvedOnSiteSchema = z.object({
  categoryCode: z.string().regex(/^[a-z0-9_.-]{1,64}$/),
  title: z.string().trim().min(2).max(60),
  resolution: z.string().trim().min(2, { message: '请写明当场如何解决 / Say what was done' }).max(2000),
})

/** A reception record: who came and what they asked; each request becomes a case. */
export const receptionInputSchema = z
  .object({
    clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, {
      message: '客户端编号无效 / clientId must be 8–64 url-safe characters',
    }),
    receivedAt: z.iso.datetime({ offset: true }),
    visitor: z.object({
      name: z.string().trim().min(1).max(50),
      phone: phoneSchema.optional(),
      address: z.string().trim().max(200).optional(),
    }),
    location: locationSchema.optional(),
    requests: z.array(visitProblemSchema).max(10).default([]),
    /** 当场解决: problems the duty leader solved on the spot, with what was done (no case is filed). */
    solvedOnSite: z.array(solvedOnSiteSchema).max(10).default([]),
    notes: z.string().trim().max(4000).default(''),
  })
  .refine((value) => value.requests.length + value.solvedOnSite.length > 0, {
    message: '至少记录一项诉求 / Record a request',
    path: ['requests'],
  })
export type ReceptionInput = z.infer<typeof receptionInputSchema>

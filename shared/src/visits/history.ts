import { z } from 'zod'

/** A visit in a list (GET /visits): the household's contact masked by the server. */
export const visitSummarySchema = z.object({
  id: z.string(),
  clientId: z.string(),
  revision: z.number().int(),
  campaignId: z.string().nullable(),
  createdBy: z.string(),
  visitedAt: z.string(),
  household: z.object({
    name: z.string(),
    address: z.string().optional(),
    phone: z.string().optional(),
    tags: z.array(z.string()),
  }),
  purposes: z.array(z.string()),
  notes: z.string(),
  photoCount: z.number().int(),
  problemCaseIds: z.array(z.string()),
})
export type VisitSummary = z.infer<typeof visitSummarySchema>

/**
 * One page of visits, newest first. `nextCursor` is opaque: pass it back as `cursor` for the
 * next page; null on the last page.
 */
export const visitPageSchema = z.object({
  items: z.array(visitSummarySchema),
  nextCursor: z.string().nullable(),
})
export type VisitPage = z.infer<typeof visitPageSchema>

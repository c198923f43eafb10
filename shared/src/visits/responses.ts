import { z } from 'zod'
import { isoDaySchema, isoTimeSchema, itemsOf, responseObject } from '../api/responseShapes'
import { caseKindSchema, coordinateSystems } from '../cases/schemas'

const fieldIssueSchema = responseObject({ path: z.string(), code: z.string(), message: z.string() })

/** One synced visit: stored, already there, updated, or refused with an error of its own. */
export const visitSyncResponseSchema = responseObject({
  results: z.array(
    z.union([
      responseObject({
        clientId: z.string().nullable(),
        status: z.enum(['created', 'duplicate', 'updated']),
        id: z.string(),
      }),
      responseObject({
        clientId: z.string().nullable(),
        status: z.literal('error'),
        error: responseObject({
          code: z.string(),
          message: z.string(),
          issues: z.array(fieldIssueSchema).optional(),
        }),
      }),
    ]),
  ),
})

const summaryFields = {
  id: z.string(),
  clientId: z.string(),
  revision: z.number().int(),
  campaignId: z.string().nullable(),
  createdBy: z.string(),
  visitedAt: isoTimeSchema,
  purposes: z.array(z.string()),
  notes: z.string(),
  photoCount: z.number().int(),
  problemCaseIds: z.array(z.string()),
  /** The 民情档案 household the visit is linked to (issue 16). */
  householdId: z.string().nullable(),
}

/** A visit in a list (presentVisitSummary): the household's contact masked. */
export const visitSummarySchema = responseObject({
  ...summaryFields,
  household: responseObject({
    name: z.string(),
    address: z.string(),
    phone: z.string().optional(),
    tags: z.array(z.string()),
  }),
})
export const visitListResponseSchema = itemsOf(visitSummarySchema)
export type VisitSummary = z.output<typeof visitSummarySchema>

/**
 * One page of visits (GET /visits), newest first. `nextCursor` is opaque: pass it back as
 * `cursor` for the next page; null on the last page.
 */
export const visitPageSchema = responseObject({
  items: z.array(visitSummarySchema),
  nextCursor: z.string().nullable(),
})
export type VisitPage = z.output<typeof visitPageSchema>

/** One visit in full (presentVisitDetail), for its author, companions and the leaders above. */
export const visitDetailResponseSchema = responseObject({
  ...summaryFields,
  household: responseObject({
    name: z.string(),
    address: z.string(),
    phone: z.string().optional(),
    tags: z.array(z.string()),
  }),
  location: responseObject({
    lat: z.number(),
    lng: z.number(),
    address: z.string().optional(),
    coordSystem: z.enum(coordinateSystems).optional(),
  }).nullable(),
  companions: z.array(z.string()),
  followUp: responseObject({ needed: z.boolean(), by: isoDaySchema.optional() }),
  problems: z.array(
    responseObject({
      kind: caseKindSchema,
      categoryCode: z.string(),
      title: z.string(),
      description: z.string(),
      case: responseObject({
        id: z.string(),
        number: z.string(),
        status: z.string(),
        unitId: z.string().nullable(),
      }).nullable(),
    }),
  ),
  followedUpCaseIds: z.array(z.string()),
  photos: z.array(z.string()),
  photoUrls: z.array(z.string()),
  revisions: z.array(responseObject({ revision: z.number().int(), by: z.string(), at: isoTimeSchema })),
})

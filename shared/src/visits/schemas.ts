import { z } from 'zod'
import { phoneSchema } from '../auth/schemas'
import { caseKindSchema, locationSchema } from '../cases/schemas'
import { objectIdSchema } from '../units/schemas'

/** Household tags on the wire; custom tags are free strings beside these codes. */
export const householdTags = [
  'needy',
  'veteranPartyMember',
  'retiredCadre',
  'model',
  'migrantWorker',
  'entrepreneur',
] as const
export const householdTagLabels: Record<(typeof householdTags)[number], string> = {
  needy: '困难户',
  veteranPartyMember: '老党员',
  retiredCadre: '老干部',
  model: '老模范',
  migrantWorker: '进城务工人员',
  entrepreneur: '致富带头人',
}

/** The five purposes of a visit. */
export const visitPurposes = [
  'visiting',
  'gatheringIdeas',
  'explainingPolicy',
  'resolvingDisputes',
  'doingPracticalThings',
] as const
export const visitPurposeSchema = z.enum(visitPurposes)
export type VisitPurpose = z.infer<typeof visitPurposeSchema>
export const visitPurposeLabels: Record<(typeof visitPurposes)[number], string> = {
  visiting: '走访群众',
  gatheringIdeas: '集中民智',
  explainingPolicy: '宣讲政策',
  resolvingDisputes: '化解矛盾',
  doingPracticalThings: '为民办事',
}

export const householdSchema = z.object({
  name: z.string().trim().min(1).max(50),
  address: z.string().trim().min(1).max(200),
  phone: phoneSchema.optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
})
export type Household = z.infer<typeof householdSchema>

/** A problem raised on a visit; it becomes a case with source = visit. */
export const visitProblemSchema = z.object({
  kind: caseKindSchema.default('help'),
  categoryCode: z.string().regex(/^[a-z0-9_.-]{1,64}$/),
  title: z.string().trim().min(2).max(60),
  description: z.string().trim().min(5).max(4000),
})

export const visitInputSchema = z.object({
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, {
    message: '客户端编号无效 / clientId must be 8–64 url-safe characters',
  }),
  /** Bumped by the phone for every edit after a sync; the server keeps every revision. */
  revision: z.number().int().min(1).max(10_000).default(1),
  campaignId: objectIdSchema.optional(),
  visitedAt: z.iso.datetime({ offset: true }),
  companions: z.array(objectIdSchema).max(10).default([]),
  household: householdSchema,
  /** The 民情档案 household this visit belongs to (picked or created in the form). */
  householdId: objectIdSchema.optional(),
  purposes: z
    .array(visitPurposeSchema)
    .min(1, { message: '至少选择一项走访目的 / Choose at least one purpose' })
    .max(5),
  notes: z.string().trim().max(10_000).default(''),
  location: locationSchema.optional(),
  photos: z.array(objectIdSchema).max(9).default([]),
  followUp: z.object({ needed: z.boolean(), by: z.iso.date().optional() }).default({ needed: false }),
  problems: z.array(visitProblemSchema).max(10).default([]),
  /** 带案下访: cases the visitor owns (包案) and followed up in person on this visit. */
  followedUpCaseIds: z.array(objectIdSchema).max(10).default([]),
})
export type VisitInput = z.infer<typeof visitInputSchema>

export const visitSyncInputSchema = z.object({ visits: z.array(z.unknown()).min(1).max(200) })
export const visitSyncStatuses = ['created', 'duplicate', 'updated', 'error'] as const

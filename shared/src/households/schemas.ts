import { z } from 'zod'
import { phoneSchema } from '../auth/schemas'
import { locationSchema } from '../cases/schemas'
import { objectIdSchema } from '../units/schemas'

/** 民情档案 tags on the wire (codes); the labels are what cadres read. */
export const householdRegistryTags = [
  'minimumLiving',
  'extremePoverty',
  'livingAlone',
  'emptyNest',
  'disabled',
  'leftBehindChild',
  'veteran',
  'seriousIllness',
] as const
export const householdRegistryTagLabels: Record<(typeof householdRegistryTags)[number], string> = {
  minimumLiving: '低保',
  extremePoverty: '特困供养',
  livingAlone: '独居老人',
  emptyNest: '空巢老人',
  disabled: '残疾',
  leftBehindChild: '留守儿童',
  veteran: '退役军人',
  seriousIllness: '大病',
}
export const householdRegistryTagSchema = z.enum(householdRegistryTags)

export const memberRelations = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'sibling',
  'other',
] as const
export const memberRelationLabels: Record<(typeof memberRelations)[number], string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙辈',
  sibling: '兄弟姐妹',
  other: '其他',
}
/** Age bands, not birth dates: enough to plan help, less to leak. */
export const ageBands = ['0-17', '18-59', '60-79', '80+'] as const

export const householdMemberSchema = z.object({
  name: z.string().trim().min(1).max(50),
  relation: z.enum(memberRelations),
  ageBand: z.enum(ageBands),
  tags: z.array(householdRegistryTagSchema).max(8).default([]),
})

export const householdInputSchema = z.object({
  /** The household head's name (户主), what staff search by. */
  headName: z.string().trim().min(1).max(50),
  address: z.string().trim().min(2).max(200),
  /** The grid (网格) the household lives in; found from `location` when omitted. */
  gridId: objectIdSchema.optional(),
  location: locationSchema.optional(),
  phone: phoneSchema.optional(),
  members: z.array(householdMemberSchema).max(20).default([]),
  tags: z.array(householdRegistryTagSchema).max(8).default([]),
})
export type HouseholdInput = z.infer<typeof householdInputSchema>

export const householdSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

/** A household in a list or picker: contact masked, no members. */
export const householdSummarySchema = z.object({
  id: z.string(),
  headName: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  tags: z.array(z.string()),
  unitId: z.string().nullable(),
  gridId: z.string().nullable(),
  memberCount: z.number(),
})
export const householdListSchema = z.object({ items: z.array(householdSummarySchema) })

const householdVisitSchema = z.object({
  id: z.string(),
  visitedAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string(),
  purposes: z.array(z.string()),
  notes: z.string(),
  problemCaseIds: z.array(z.string()),
})
const householdCaseSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  categoryCode: z.string(),
  submittedAt: z.string(),
  closedAt: z.string().nullable(),
  repeat: z.boolean(),
})
const householdFollowUpSchema = z.object({
  caseId: z.string(),
  sampledAt: z.string(),
  solved: z.boolean().nullable(),
  comment: z.string().nullable(),
})
const householdPairSchema = z.object({
  id: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  pairedAt: z.string(),
  endedAt: z.string().nullable(),
})

/** The household page (民情档案): everything recorded about the household, whoever recorded it. */
export const householdPageSchema = householdSummarySchema.extend({
  members: z.array(householdMemberSchema),
  visits: z.array(householdVisitSchema),
  cases: z.array(householdCaseSchema),
  followUps: z.array(householdFollowUpSchema),
  pairs: z.array(householdPairSchema),
})
export type HouseholdPage = z.infer<typeof householdPageSchema>

export const householdContactSchema = z.object({ phone: z.string().nullable(), address: z.string() })

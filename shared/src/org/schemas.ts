import { z } from 'zod'
import { phoneSchema, userSchema } from '../auth/schemas'
import { positionLevelSchema, roleSchema } from '../auth/roles'
import { objectIdSchema, unitSchema } from '../units/schemas'

/** Roles that need no unit: residents and admins (the same rule as creating an account). */
export const unitlessRoles = ['resident', 'admin'] as const

/** An admin's edit of an account; every field optional, `null` clears unit or position. */
export const updateUserInputSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    role: roleSchema,
    phone: phoneSchema,
    unitId: objectIdSchema.nullable(),
    positionLevel: positionLevelSchema.nullable(),
    disabled: z.boolean(),
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, {
    message: '没有要修改的内容 / Nothing to change',
    path: [],
  })
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>

/** A user as the admin console shows it: the public shape plus whether the account is disabled. */
export const managedUserSchema = userSchema.extend({ disabled: z.boolean() })
export type ManagedUser = z.infer<typeof managedUserSchema>

export const managedUserListSchema = z.object({
  items: z.array(managedUserSchema),
  total: z.number().int(),
  page: z.number().int(),
})

/** Rename, move (`parentId`) or disable a unit. */
export const updateUnitInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    parentId: objectIdSchema.nullable(),
    disabled: z.boolean(),
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, {
    message: '没有要修改的内容 / Nothing to change',
    path: [],
  })
export type UpdateUnitInput = z.infer<typeof updateUnitInputSchema>

export const managedUnitSchema = unitSchema.extend({ disabled: z.boolean() })

const openCaseSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  unitId: z.string().nullable(),
})

/** What a person still holds: cases they own as 包案领导, duty days to come, live 结对 pairs. */
export const openWorkSchema = z.object({
  ownedCases: z.array(openCaseSchema),
  duties: z.array(z.object({ id: z.string(), unitId: z.string(), date: z.string(), place: z.string() })),
  pairs: z.array(
    z.object({
      id: z.string(),
      unitId: z.string().nullable(),
      householdName: z.string(),
      pairedAt: z.string(),
    }),
  ),
})
export type OpenWork = z.infer<typeof openWorkSchema>

export const unitOpenCasesSchema = z.object({ cases: z.array(openCaseSchema) })

/** Hand one piece of open work to another person. */
export const reassignInputSchema = z.object({
  kind: z.enum(['case', 'duty', 'pair']),
  id: objectIdSchema,
  toUserId: objectIdSchema,
})
export type ReassignInput = z.infer<typeof reassignInputSchema>
export const reassignResultSchema = z.object({ kind: z.string(), id: z.string(), toUserId: z.string() })

/** The answer of POST /imports/org: what was (or, with dryRun, would be) imported, every row error. */
export const orgImportResultSchema = z.object({
  dryRun: z.boolean(),
  imported: z.object({ units: z.number().int().min(0), users: z.number().int().min(0) }),
  errors: z.array(
    z.object({ sheet: z.enum(['单位', '人员']), row: z.number().int().min(1), issues: z.array(z.string()) }),
  ),
  /** One-time passwords for the imported staff (only on a real import): handed over in person. */
  initialPasswords: z.array(z.object({ phone: z.string(), name: z.string(), temporaryPassword: z.string() })),
})
export type OrgImportResult = z.infer<typeof orgImportResultSchema>

export const configEntityTypes = [
  'routingRule',
  'category',
  'calendar',
  'timeLimits',
  'campaign',
  'user',
  'unit',
] as const
export const configEntityTypeSchema = z.enum(configEntityTypes)
export type ConfigEntityType = z.infer<typeof configEntityTypeSchema>

export const configEntityLabels: Record<ConfigEntityType, string> = {
  routingRule: '分派规则',
  category: '诉求分类',
  calendar: '节假日历',
  timeLimits: '办理时限',
  campaign: '走访活动',
  user: '人员',
  unit: '单位',
}

export const configChangeSchema = z.object({
  id: z.string(),
  entityType: configEntityTypeSchema,
  entityId: z.string(),
  action: z.string(),
  actorId: z.string(),
  actorRole: z.string(),
  at: z.string(),
  /** The record before and after, personal fields masked; null for a creation / a deletion. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** Who made the change (the admin's name), and the unit the changed record names, if any. */
  actorName: z.string().nullable(),
  unitName: z.string().nullable(),
})
export type ConfigChange = z.infer<typeof configChangeSchema>

export const configChangeListSchema = z.object({
  items: z.array(configChangeSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

export const configChangeQuerySchema = z.object({
  entityType: configEntityTypeSchema.optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  actorId: objectIdSchema.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

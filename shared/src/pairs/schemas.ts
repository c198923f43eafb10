import { z } from 'zod'
import { householdSchema } from '../visits/schemas'

/** 结对帮扶: a staff member follows a household and revisits it every N days. */
export const pairInputSchema = z.object({
  household: householdSchema,
  revisitEveryDays: z.number().int().min(1).max(365).default(30),
  notes: z.string().trim().max(500).default(''),
})
export type PairInput = z.infer<typeof pairInputSchema>

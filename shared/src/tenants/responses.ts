import { z } from 'zod'
import { responseObject } from '../api/responseShapes'

/** A district as anyone may see it: the code residents' links carry and its name. */
export const publicTenantSchema = responseObject({ code: z.string(), name: z.string() })

/** The enabled districts, by code: lets the H5 page say which district a link belongs to. */
export const tenantListResponseSchema = responseObject({ tenants: z.array(publicTenantSchema) })

/** The district of the signed-in account; null for a city-level account (above every district). */
export const myTenantResponseSchema = responseObject({ tenant: publicTenantSchema.nullable() })

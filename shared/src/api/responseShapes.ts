import { z } from 'zod'

/**
 * Building blocks of the response schemas (issue 12). Response objects are strict: an answer
 * holding a field its schema does not declare fails the tests, so the contract (OpenAPI, the
 * generated client, the mini-app's types) can never say less than the server sends, and a field
 * that reaches a public view by accident is caught where it appears.
 */
export const responseObject = z.strictObject

/** A time as the server writes it: `Date.toISOString()`. */
export const isoTimeSchema = z.iso.datetime()
/** A China-time calendar day, "2026-03-02". */
export const isoDaySchema = z.iso.date()

export const okResponseSchema = responseObject({ ok: z.literal(true) })

/** `{ items: [...] }`, the shape of most lists. */
export const itemsOf = <T extends z.ZodType>(item: T) => responseObject({ items: z.array(item) })

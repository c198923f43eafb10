import mongoose, { type FilterQuery } from 'mongoose'
import { z } from 'zod'

/**
 * Keyset paging for visit lists, newest first: a cursor names the last visit shown by its
 * (visitedAt, _id), so a page never repeats or skips a visit even when many share one time
 * (PostgreSQL-backed FerretDB returns equal sort keys in any order: `_id` breaks the tie).
 */
const shape = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{24})$/

export const visitCursorSchema = z
  .string()
  .max(64)
  .regex(shape, { message: '分页游标无效 / The cursor is not one this server gave' })
  .refine((value) => !Number.isNaN(Date.parse(shape.exec(value)?.[1] ?? '')), {
    message: '分页游标无效 / The cursor is not one this server gave',
  })

export const visitSort = { visitedAt: -1, _id: -1 } as const

export function visitCursor(visit: { visitedAt: Date; _id: unknown }): string {
  return `${visit.visitedAt.toISOString()}_${String(visit._id)}`
}

/** The filter for the visits after the cursor in `visitSort` order. */
export function afterCursor(cursor: string): FilterQuery<unknown> {
  const [, at, id] = shape.exec(cursor)!
  const visitedAt = new Date(at!)
  const _id = new mongoose.Types.ObjectId(id)
  return { $or: [{ visitedAt: { $lt: visitedAt } }, { visitedAt, _id: { $lt: _id } }] }
}

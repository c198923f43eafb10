import type { Schema } from 'mongoose'

/** Every query operation that changes or removes stored documents. */
const changingOperations = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'findOneAndReplace',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const

/**
 * Makes a collection append-only through its model: histories (case events, rectification
 * events, the configuration audit) are evidence, so a change or a delete is refused with
 * "<what> are append-only". Retention anonymises through the driver on purpose, not the model.
 */
export function appendOnly(schema: Schema, what: string): void {
  const refuse = () => {
    throw new Error(`${what} are append-only`)
  }
  for (const operation of changingOperations) schema.pre(operation, refuse)
}

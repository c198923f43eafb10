import mongoose from 'mongoose'
import { databaseFlavour } from '../../src/db/flavour'

/** A raw collection of this test file's database, fresh per name. */
export function collection(name: string) {
  return mongoose.connection.db!.collection<Row>(name)
}

/** A collection of counters `{ _id, n }`, as the atomicity tests move them. */
export function counters(name: string) {
  return mongoose.connection.db!.collection<{ _id: string; n: number }>(name)
}

export interface Row {
  _id: string | number | mongoose.Types.ObjectId
  [field: string]: unknown
}

export const onMongodb = () => databaseFlavour() === 'mongodb'

/** n callers at once, as several requests (or instances) would. */
export function concurrently<T>(n: number, task: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => task(i)))
}

/** Settles every task and counts how many succeeded and which errors the others threw. */
export async function outcomes<T>(tasks: Promise<T>[]) {
  const settled = await Promise.allSettled(tasks)
  return {
    fulfilled: settled.filter((result) => result.status === 'fulfilled').length,
    errors: settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : [])),
  }
}

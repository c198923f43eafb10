const tails = new Map<string, Promise<unknown>>()

/**
 * Runs tasks with the same key one after another in this process (different keys run side by
 * side). Read-modify-write updates such as `$inc` are not atomic on FerretDB v1, so counters this
 * instance moves (rollups, rate limits) go through here; another instance's concurrent updates
 * can still be lost there, which is why rollups can be recounted from the events.
 */
export function serialByKey<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (tails.get(key) ?? Promise.resolve()).then(task, task)
  const tail = run.catch(() => undefined)
  tails.set(key, tail)
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key)
  })
  return run
}

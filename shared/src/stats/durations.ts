/**
 * Time to accept and time to resolve, kept as histograms in the daily rollups. A median cannot be
 * summed from daily medians, but bucket counts can: the dashboard adds the period's buckets and
 * reads the median off the sum, so it costs the same at 10k cases as at 1M.
 */

/** Upper bounds of the buckets, in wall-clock hours; a last, open bucket holds everything longer. */
export const durationBucketHours = [1, 2, 4, 8, 24, 48, 72, 120, 168, 336, 720] as const

export const acceptBucketCounters = [
  'acceptH0',
  'acceptH1',
  'acceptH2',
  'acceptH3',
  'acceptH4',
  'acceptH5',
  'acceptH6',
  'acceptH7',
  'acceptH8',
  'acceptH9',
  'acceptH10',
  'acceptH11',
] as const
export const resolveBucketCounters = [
  'resolveH0',
  'resolveH1',
  'resolveH2',
  'resolveH3',
  'resolveH4',
  'resolveH5',
  'resolveH6',
  'resolveH7',
  'resolveH8',
  'resolveH9',
  'resolveH10',
  'resolveH11',
] as const

/** Index of the bucket a duration falls in (the open bucket for anything past the last bound). */
export function durationBucket(hours: number): number {
  const index = durationBucketHours.findIndex((bound) => hours <= bound)
  return index === -1 ? durationBucketHours.length : index
}

export const hoursBetween = (from: Date | string, to: Date | string) =>
  Math.max(0, (new Date(to).getTime() - new Date(from).getTime()) / 3_600_000)

/**
 * The median of a histogram, interpolated linearly inside the bucket that holds it (so an estimate,
 * within that bucket's bounds); null when empty. A median in the open bucket is given as its lower
 * bound: "more than 30 days".
 */
export function medianHours(buckets: readonly number[]): number | null {
  const total = buckets.reduce((sum, count) => sum + count, 0)
  if (total === 0) return null
  const half = total / 2
  let below = 0
  for (let index = 0; index < buckets.length; index++) {
    const count = buckets[index]!
    if (count > 0 && below + count >= half) {
      const lower = index === 0 ? 0 : durationBucketHours[index - 1]!
      const upper = durationBucketHours[index]
      if (upper === undefined) return lower
      return Math.round((lower + ((upper - lower) * (half - below)) / count) * 10) / 10
    }
    below += count
  }
  return null
}

export const medianDefinitions = {
  medianAcceptHours: '签收用时中位数 = 从单位收到诉求（派单、移交）到签收的小时数的中位数（按区间估算）',
  medianResolveHours: '办结用时中位数 = 从群众提交到办结的小时数的中位数（按区间估算）',
}

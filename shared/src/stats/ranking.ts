import type { RollupCounts } from './rates'

/** Units with fewer closed sign-for windows than this in the period are shown but not ranked. */
export const defaultRankingMinCases = 5
export const rankingNote = '样本不足，不参与排名'

/**
 * The sample a unit is ranked on: cases whose sign-for window closed in the period (pending
 * ones do not count). A unit with two cases is not "best" or "worst" on their luck.
 */
export const rankingSample = (counts: Pick<RollupCounts, 'signForDue'>) => counts.signForDue

export const rankable = (counts: Pick<RollupCounts, 'signForDue'>, minCases: number) =>
  rankingSample(counts) >= minCases

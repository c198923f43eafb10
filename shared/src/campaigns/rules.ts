/**
 * 带案下访: of the cases a leader owns (包案), the share they followed up in person on a visit.
 * Null when the leader owns none (nothing to divide), so "0 of 0" is not shown as failing.
 */
export function ownershipFollowUp(
  ownedCaseIds: readonly string[],
  followedUpCaseIds: Iterable<string>,
  target: number,
): { owned: number; followedUp: number; share: number | null; met: boolean | null } {
  const followed = new Set(followedUpCaseIds)
  const followedUp = ownedCaseIds.filter((id) => followed.has(id)).length
  const owned = ownedCaseIds.length
  if (owned === 0) return { owned, followedUp, share: null, met: null }
  const share = followedUp / owned
  return { owned, followedUp, share, met: share >= target }
}

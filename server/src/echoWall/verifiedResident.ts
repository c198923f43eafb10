import { AppError } from '@minqing/shared'
import { UserModel } from '../users/user.model'

/**
 * Reports and supports move public content (3 reports hide an item), so only residents who signed
 * in with WeChat or a phone count: a guest account costs nothing to make, one per browser.
 */
export async function requireVerifiedResident(userId: string): Promise<void> {
  const user = await UserModel.findById(userId, { isGuest: 1 }).lean()
  if (!user || user.isGuest) throw new AppError('VERIFIED_RESIDENT_REQUIRED')
}

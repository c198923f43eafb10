import { maskPhone, type User } from '@minqing/shared'
import type { UserDocument } from './user.model'

/** Shapes a user for the wire. The phone is masked unless `fullPhone` was granted by the policy. */
export function presentUser(user: UserDocument, options: { fullPhone: boolean }): User {
  const phone = user.phone ?? undefined
  return {
    id: user.id as string,
    role: user.role,
    name: user.name,
    phone: options.fullPhone ? phone : maskPhone(phone),
    unitId: user.unitId ? String(user.unitId) : null,
    positionLevel: user.positionLevel ?? null,
    isGuest: user.isGuest,
  }
}

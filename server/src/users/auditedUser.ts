import { maskName } from '@minqing/shared'
import type { UserDocument } from './user.model'

/** What the configuration audit keeps of an account: its settings, the name masked, never secrets. */
export function auditedUser(user: UserDocument) {
  return {
    name: maskName(user.name),
    role: user.role,
    phone: user.phone,
    unitId: user.unitId ? String(user.unitId) : null,
    positionLevel: user.positionLevel ?? null,
    disabled: Boolean(user.disabled),
  }
}

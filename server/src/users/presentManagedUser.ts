import type { ManagedUser } from '@minqing/shared'
import { presentUser } from './presentUser'
import type { UserDocument } from './user.model'

/** A user for the admin console: the wire shape plus the disabled flag. */
export function presentManagedUser(user: UserDocument, options: { fullPhone: boolean }): ManagedUser {
  return { ...presentUser(user, options), disabled: Boolean(user.disabled) }
}

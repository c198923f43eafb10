import { AppError, unitlessRoles, type UpdateUserInput } from '@minqing/shared'
import { revokeUserSessions } from '../auth/sessionClaims'
import { isDuplicateKey } from '../db/duplicateKey'
import type { Viewer } from '../http/defineRoute'
import type { AppDeps } from '../http/deps'
import { tenantOfUnitId } from '../tenants/tenantScope'
import { UnitModel } from '../units/unit.model'
import { IdentityModel } from './identity.model'
import { UserModel, type UserDocument } from './user.model'

const issue = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, code, message }] })

/**
 * The last-admin rule reads, then writes (FerretDB has no transactions): two admins disabling
 * each other at the same instant could both pass. Acceptable for a console action; the CLI
 * (`npm run admin -- create`) recovers a district that has locked itself out.
 */
async function refuseLosingLastAdmin(user: UserDocument, next: { role: string; disabled: boolean }) {
  const isActiveAdmin = user.role === 'admin' && !user.disabled
  const staysActiveAdmin = next.role === 'admin' && !next.disabled
  if (!isActiveAdmin || staysActiveAdmin) return
  const others = await UserModel.countDocuments({
    role: 'admin',
    disabled: { $ne: true },
    _id: { $ne: user._id },
  })
  if (others === 0) throw new AppError('LAST_ADMIN')
}

/** Moves the phone login to a new number: the new identity is claimed first, then the old released. */
async function claimPhone(user: UserDocument, phone: string): Promise<() => Promise<void>> {
  try {
    await IdentityModel.create({ provider: 'phone', key: phone, userId: user._id })
  } catch (error) {
    if (isDuplicateKey(error))
      throw new AppError('DUPLICATE', {
        issues: [{ path: 'phone', code: 'duplicate', message: '该手机号已注册 / Phone already registered' }],
      })
    throw error
  }
  return async () => {
    await IdentityModel.deleteOne({ provider: 'phone', key: phone, userId: user._id })
  }
}

/**
 * An admin's edit of an account. Rules: an admin neither disables nor demotes themself; the last
 * active admin stays; every role but resident and admin belongs to an existing, enabled unit.
 * Disabling ends every session (refresh families revoked; access tokens are refused by
 * `authenticate` through the account-state cache). A new role or unit outdates the access tokens.
 */
export async function updateUser(
  deps: AppDeps,
  admin: Viewer,
  userId: string,
  input: UpdateUserInput,
): Promise<{ before: UserDocument; after: UserDocument }> {
  const user = await UserModel.findById(userId)
  if (!user) throw new AppError('NOT_FOUND')
  const next = {
    name: input.name ?? user.name,
    role: input.role ?? user.role,
    unitId: input.unitId !== undefined ? input.unitId : user.unitId ? String(user.unitId) : null,
    positionLevel: input.positionLevel !== undefined ? input.positionLevel : (user.positionLevel ?? null),
    disabled: input.disabled ?? user.disabled,
    phone: input.phone ?? user.phone,
  }
  if (user.id === admin.userId && (next.disabled || next.role !== 'admin'))
    throw new AppError('SELF_CHANGE_REFUSED')
  await refuseLosingLastAdmin(user, next)
  const unitless = (unitlessRoles as readonly string[]).includes(next.role)
  if (!unitless && !next.unitId)
    throw issue('unitId', 'required', '该角色必须属于一个单位 / This role must belong to a unit')
  if (next.unitId && (input.unitId !== undefined || input.role !== undefined)) {
    const unit = await UnitModel.findById(next.unitId)
    if (!unit) throw issue('unitId', 'not_found', '单位不存在 / Unit not found')
    if (unit.disabled) throw issue('unitId', 'disabled', '单位已停用 / The unit is disabled')
  }
  if (next.role === 'staff' && !next.positionLevel) next.positionLevel = 'cadre'
  const phoneChanged = Boolean(input.phone && input.phone !== user.phone)
  const releaseNew = phoneChanged ? await claimPhone(user, input.phone!) : undefined
  const roleOrUnitChanged = next.role !== user.role || String(next.unitId ?? '') !== String(user.unitId ?? '')
  const before = UserModel.hydrate(user.toObject())
  try {
    await UserModel.updateOne(
      { _id: user._id },
      {
        $set: {
          name: next.name,
          role: next.role,
          unitId: next.unitId,
          positionLevel: next.positionLevel,
          disabled: next.disabled,
          phone: next.phone,
          ...(phoneChanged ? { phoneVerifiedAt: null } : {}),
          tokenVersion: user.tokenVersion + (roleOrUnitChanged ? 1 : 0),
          // Staff follow their unit's tenant; an admin keeps theirs (see tenants/).
          ...(next.role !== 'admin' && next.unitId ? { tenantId: await tenantOfUnitId(next.unitId) } : {}),
        },
      },
    )
  } catch (error) {
    await releaseNew?.()
    throw error
  }
  if (phoneChanged && user.phone)
    await IdentityModel.deleteOne({ provider: 'phone', key: user.phone, userId: user._id })
  if (next.disabled && !user.disabled) await revokeUserSessions(deps, user.id as string, 'account-disabled')
  deps.logger.info({ userId: user.id as string, by: admin.userId }, 'account changed by an admin')
  const after = await UserModel.findById(user._id)
  return { before, after: after! }
}

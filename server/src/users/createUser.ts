import { AppError, passwordProblemMessages, passwordProblems, type CreateUserInput } from '@minqing/shared'
import mongoose from 'mongoose'
import { hashPassword } from '../auth/passwords'
import { UnitModel } from '../units/unit.model'
import { IdentityModel } from './identity.model'
import { UserModel, type UserDocument } from './user.model'
import { isDuplicateKey } from '../db/duplicateKey'
import { defaultTenantId } from '../tenants/defaultTenant'

/**
 * Creates an account with a phone login. The phone identity is claimed first (its unique index
 * decides races without a transaction); if the user insert then fails, the claim is released.
 */
export async function createUser(input: CreateUserInput): Promise<UserDocument> {
  // Also here, not only in the route schema: the seed and the admin CLI create accounts too.
  const weak = passwordProblems(input.password, input.phone)
  if (weak.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      issues: weak.map((problem) => ({
        path: 'password',
        code: problem,
        message: passwordProblemMessages[problem],
      })),
    })
  }
  const unit = input.unitId ? await UnitModel.findById(input.unitId, { tenantId: 1 }).lean() : null
  if (input.unitId && !unit) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'unitId', code: 'not_found', message: '单位不存在 / Unit not found' }],
    })
  }
  const userId = new mongoose.Types.ObjectId()
  try {
    await IdentityModel.create({ provider: 'phone', key: input.phone, userId })
  } catch (error) {
    if (isDuplicateKey(error)) {
      throw new AppError('DUPLICATE', {
        issues: [{ path: 'phone', code: 'duplicate', message: '该手机号已注册 / Phone already registered' }],
      })
    }
    throw error
  }
  try {
    return await UserModel.create({
      _id: userId,
      name: input.name,
      role: input.role,
      phone: input.phone,
      unitId: input.unitId ?? null,
      // Staff belong to their unit's tenant; an admin to the one chosen (none = city level).
      tenantId:
        input.role === 'admin' ? (input.tenantId ?? null) : unit ? (unit.tenantId ?? defaultTenantId) : null,
      positionLevel:
        input.role === 'staff' ? (input.positionLevel ?? 'cadre') : (input.positionLevel ?? null),
      passwordHash: await hashPassword(input.password),
    })
  } catch (error) {
    await IdentityModel.deleteOne({ provider: 'phone', key: input.phone, userId })
    throw error
  }
}

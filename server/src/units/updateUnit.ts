import { AppError, type UpdateUnitInput } from '@minqing/shared'
import type { Types } from 'mongoose'
import { invalidateAreaIndex } from '../areas/areaIndex'
import { isDuplicateKey } from '../db/duplicateKey'
import { invalidateRuleCache } from '../routing/ruleCache'
import { UnitModel, type UnitDocument } from './unit.model'
import { canNest } from './unitTree'

const duplicateName = () =>
  new AppError('DUPLICATE', {
    issues: [
      { path: 'name', code: 'duplicate', message: '同一上级下已有同名单位 / A sibling has this name' },
    ],
  })

/** The new parent of a move: it exists, is not the unit or below it, and may hold its level. */
async function checkedParent(unit: UnitDocument, parentId: string | null): Promise<UnitDocument | null> {
  if (parentId === null) return null
  if (parentId === unit.id) throw new AppError('UNIT_MOVE_CYCLE')
  const parent = await UnitModel.findById(parentId)
  if (!parent) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'parentId', code: 'not_found', message: '上级单位不存在 / Parent unit not found' }],
    })
  }
  if (parent.path.some((id) => String(id) === unit.id)) throw new AppError('UNIT_MOVE_CYCLE')
  if (!canNest(parent.level, unit.level)) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          path: 'parentId',
          code: 'invalid_level',
          message: `不能把${unit.level}移到${parent.level}之下 / A ${unit.level} cannot sit under a ${parent.level}`,
        },
      ],
    })
  }
  return parent
}

/**
 * Rewrites the ancestor path of every unit below `unit` from the unit's own (new) path. Pure
 * function of the unit's current path, so re-sending the same move repairs a subtree left half
 * rewritten by a crash (there are no transactions to rely on).
 */
export async function rewriteSubtreePaths(unit: { _id: Types.ObjectId; path: Types.ObjectId[] }) {
  const below = await UnitModel.find({ path: unit._id }, { path: 1 }).sort({ _id: 1 })
  const prefix = [...unit.path, unit._id]
  for (const child of below) {
    const at = child.path.findIndex((id) => String(id) === String(unit._id))
    await UnitModel.updateOne(
      { _id: child._id },
      { $set: { path: [...prefix, ...child.path.slice(at + 1)] } },
    )
  }
  return below.length
}

/** Rename, move (subtree paths rewritten), disable or enable a unit. */
export async function updateUnit(
  unitId: string,
  input: UpdateUnitInput,
): Promise<{ before: UnitDocument; after: UnitDocument }> {
  const unit = await UnitModel.findById(unitId)
  if (!unit) throw new AppError('NOT_FOUND')
  const before = UnitModel.hydrate(unit.toObject())
  const set: Record<string, unknown> = {}
  if (input.name !== undefined) set.name = input.name
  if (input.disabled !== undefined) set.disabled = input.disabled
  const moving = input.parentId !== undefined
  if (moving) {
    const parent = await checkedParent(unit, input.parentId ?? null)
    set.parentId = parent?._id ?? null
    set.path = parent ? [...parent.path, parent._id] : []
  }
  // Checked before writing too: FerretDB v1 answers a unique-index clash on an *update* with a
  // raw PostgreSQL error (SQLSTATE 23505), not the duplicate-key code an insert gets.
  const name = (set.name as string | undefined) ?? unit.name
  const parentId = moving ? set.parentId : unit.parentId
  if (name !== unit.name || moving) {
    if (await UnitModel.exists({ parentId, name, _id: { $ne: unit._id } })) throw duplicateName()
  }
  try {
    await UnitModel.updateOne({ _id: unit._id }, { $set: set })
  } catch (error) {
    if (isDuplicateKey(error)) throw duplicateName()
    throw error
  }
  const after = (await UnitModel.findById(unit._id))!
  if (moving) await rewriteSubtreePaths(after)
  // Routing reads units through caches: a disabled unit's rules and area stop at once here.
  if (input.disabled !== undefined || moving) {
    invalidateRuleCache()
    invalidateAreaIndex()
  }
  return { before, after }
}

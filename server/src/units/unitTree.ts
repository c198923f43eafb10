import { AppError, type CreateUnitInput, type Unit, type UnitLevel, unitLevels } from '@minqing/shared'
import type { Types } from 'mongoose'
import { encodeArea } from '../areas/areaCodec'
import { invalidateAreaIndex } from '../areas/areaIndex'
import { tenantOf } from '../tenants/tenantScope'
import { UnitModel, type UnitDocument } from './unit.model'

/** A unit sits strictly below its parent; departments (职能部门) may hang under any level. */
export function canNest(parent: UnitLevel, child: UnitLevel): boolean {
  if (child === 'department') return parent !== 'grid'
  if (parent === 'department') return false
  return unitLevels.indexOf(child) > unitLevels.indexOf(parent)
}

/** True when `unit` is `ancestorId` itself or lies below it. */
export function isInSubtree(
  ancestorId: string,
  unit: { _id: Types.ObjectId; path: Types.ObjectId[] },
): boolean {
  return String(unit._id) === ancestorId || unit.path.some((id) => String(id) === ancestorId)
}

export async function subtreeUnitIds(rootId: string): Promise<Types.ObjectId[]> {
  const units = await UnitModel.find({ $or: [{ _id: rootId }, { path: rootId }] }, { _id: 1 })
  return units.map((unit) => unit._id)
}

export async function createUnit(input: CreateUnitInput): Promise<UnitDocument> {
  if (input.area) invalidateAreaIndex()
  if (!input.parentId)
    return UnitModel.create({
      name: input.name,
      level: input.level,
      parentId: null,
      path: [],
      tenantId: input.tenantId ?? null,
    })
  const parent = await UnitModel.findById(input.parentId)
  if (!parent) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'parentId', code: 'not_found', message: '上级单位不存在 / Parent unit not found' }],
    })
  }
  if (!canNest(parent.level, input.level)) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          path: 'level',
          code: 'invalid_level',
          message: `不能在${parent.level}下建立${input.level} / A ${input.level} cannot sit under a ${parent.level}`,
        },
      ],
    })
  }
  return UnitModel.create({
    name: input.name,
    level: input.level,
    parentId: parent._id,
    path: [...parent.path, parent._id],
    area: input.area ? encodeArea(input.area) : null,
    // A unit's tenant is its root's: copied down so every unit answers it without a lookup.
    tenantId: parent.tenantId ?? null,
  })
}

export function presentUnit(unit: UnitDocument): Unit {
  return {
    id: unit.id as string,
    name: unit.name,
    level: unit.level,
    parentId: unit.parentId ? String(unit.parentId) : null,
    path: unit.path.map(String),
    hasArea: Boolean(unit.area),
    disabled: Boolean(unit.disabled),
    tenantId: tenantOf(unit),
  }
}

import { AppError, chinaDays, type RectificationListInput } from '@minqing/shared'
import mongoose from 'mongoose'
import type { Viewer } from '../http/defineRoute'
import { scopeFilter, userScopeFilter } from '../tenants/tenantScope'
import { UnitModel } from '../units/unit.model'
import { UserModel } from '../users/user.model'
import {
  RectificationEventModel,
  RectificationListModel,
  RectificationProblemModel,
  type RectificationListDocument,
} from './rectification.model'

/**
 * Responsible leaders must be leader accounts and lead units must exist, both in the viewer's
 * district (tenant); every bad row is reported.
 */
async function checkPeople(viewer: Viewer, input: RectificationListInput) {
  const problems = input.aspects.flatMap((aspect, a) =>
    aspect.items.flatMap((item, i) =>
      item.problems.map((problem, p) => ({ problem, path: `aspects.${a}.items.${i}.problems.${p}` })),
    ),
  )
  const leaders = new Set(
    (
      await UserModel.find(
        {
          _id: { $in: [...new Set(problems.map(({ problem }) => problem.responsibleLeaderId))] },
          ...userScopeFilter(viewer),
          role: 'leader',
        },
        { _id: 1 },
      )
    ).map((user) => String(user._id)),
  )
  const units = new Set(
    (
      await UnitModel.find(
        {
          _id: { $in: [...new Set(problems.map(({ problem }) => problem.leadUnitId))] },
          ...scopeFilter(viewer),
        },
        { _id: 1 },
      )
    ).map((unit) => String(unit._id)),
  )
  const issues = problems.flatMap(({ problem, path }) => [
    ...(leaders.has(problem.responsibleLeaderId)
      ? []
      : [
          {
            path: `${path}.responsibleLeaderId`,
            code: 'not_found',
            message: '责任领导须为领导账号 / Must be a leader',
          },
        ]),
    ...(units.has(problem.leadUnitId)
      ? []
      : [{ path: `${path}.leadUnitId`, code: 'not_found', message: '牵头单位不存在 / Unknown unit' }]),
  ])
  if (issues.length) throw new AppError('VALIDATION_FAILED', { issues })
  return problems
}

/**
 * Creates a list with its tree: aspects numbered 1…, items and problems numbered through the
 * whole list (项 1–17, 问题 1–43), as the ledgers count them. Each problem starts with a 'create' event.
 */
export async function createList(
  viewer: Viewer,
  input: RectificationListInput,
  now: Date,
): Promise<RectificationListDocument> {
  await checkPeople(viewer, input)
  const listId = new mongoose.Types.ObjectId()
  const items: Array<{ no: number; aspectNo: number; title: string }> = []
  const problems: Array<Record<string, unknown>> = []
  input.aspects.forEach((aspect, a) => {
    for (const item of aspect.items) {
      const itemNo = items.length + 1
      items.push({ no: itemNo, aspectNo: a + 1, title: item.title })
      for (const problem of item.problems)
        problems.push({
          _id: new mongoose.Types.ObjectId(),
          listId,
          aspectNo: a + 1,
          itemNo,
          no: problems.length + 1,
          ...problem,
          dueAt: chinaDays(problem.deadline, problem.deadline).to,
          status: 'open',
          eventSeq: 1,
        })
    }
  })
  await RectificationProblemModel.insertMany(problems)
  await RectificationEventModel.insertMany(
    problems.map((problem) => ({
      problemId: problem._id,
      listId,
      seq: 1,
      action: 'create',
      from: null,
      to: 'open',
      actor: { userId: viewer.userId, role: viewer.role, unitId: viewer.unitId },
      at: now,
      data: { deadline: problem.deadline },
    })),
  )
  // The list last: a list is only found once its problems are all there.
  return RectificationListModel.create({
    _id: listId,
    title: input.title,
    source: input.source,
    ownerId: viewer.userId,
    unitId: viewer.unitId,
    aspects: input.aspects.map((aspect, a) => ({ no: a + 1, title: aspect.title })),
    items,
  })
}

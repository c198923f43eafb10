import { AppError, type ReceptionInput } from '@minqing/shared'
import { categoryExists } from '../categories/categoryTree'
import { submitCase } from '../cases/submitCase'
import type { AppDeps } from '../http/deps'
import type { Viewer } from '../http/defineRoute'
import { problemClientId } from '../visits/raiseProblems'
import { ReceptionModel } from './reception.model'
import { isDuplicateKey } from '../db/duplicateKey'

/**
 * Records who came to the open-door reception and files each request as a case (source =
 * reception), routed as usual. Idempotent on (recorder, clientId): a retry files only what is
 * missing and returns the same record.
 */
export async function recordReception(deps: AppDeps, viewer: Viewer, input: ReceptionInput) {
  // Checked before anything is written, so a bad category never leaves a half-filed record.
  const categories = [
    ...input.requests.map((request, index) => ({ code: request.categoryCode, path: `requests.${index}` })),
    ...input.solvedOnSite.map((item, index) => ({ code: item.categoryCode, path: `solvedOnSite.${index}` })),
  ]
  for (const category of categories) {
    if (!(await categoryExists(category.code, viewer.tenantId ?? null))) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [
          {
            path: `${category.path}.categoryCode`,
            code: 'not_found',
            message: '分类不存在 / Unknown category',
          },
        ],
      })
    }
  }
  let reception = await ReceptionModel.findOne({ createdBy: viewer.userId, clientId: input.clientId })
  const created = !reception
  if (!reception) {
    try {
      reception = await ReceptionModel.create({
        clientId: input.clientId,
        createdBy: viewer.userId,
        unitId: viewer.unitId,
        receivedAt: new Date(input.receivedAt),
        visitor: input.visitor,
        notes: input.notes,
        requestCount: input.requests.length,
        solvedOnSite: input.solvedOnSite,
      })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      reception = (await ReceptionModel.findOne({ createdBy: viewer.userId, clientId: input.clientId }))!
    }
  }
  const caseIds = [...reception.caseIds]
  for (const [index, request] of input.requests.entries()) {
    if (index < caseIds.length || index >= reception.requestCount) continue
    const { record } = await submitCase(
      deps,
      viewer,
      {
        clientId: problemClientId(`reception-${input.clientId}`, index),
        kind: request.kind,
        categoryCode: request.categoryCode,
        title: request.title,
        description: request.description,
        urgency: 'general',
        location: input.location,
        photos: [],
        contactPhone: input.visitor.phone,
        anonymous: false,
        publicConsent: false,
      },
      { source: 'reception', originId: String(reception._id) },
    )
    caseIds.push(record._id)
  }
  if (caseIds.length !== reception.caseIds.length) {
    await ReceptionModel.updateOne({ _id: reception._id }, { $set: { caseIds } })
    reception.caseIds = caseIds
  }
  return { reception, created }
}

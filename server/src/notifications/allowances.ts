import type { Types } from 'mongoose'
import { claimOnce } from '../db/claims'
import { upsert } from '../db/duplicateKey'
import { SubscribeAllowanceModel } from './subscribeAllowance.model'
import type { SubscribeTemplate } from './subscribeTemplates'

export type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter'

/** Stores the accepted templates of one tap; the others are answered as refused. */
export async function grantAllowances(input: {
  userId: string
  clientId: string
  caseId: string | null
  results: Record<string, SubscribeResult>
  templates: readonly SubscribeTemplate[]
  now: Date
}) {
  const granted: SubscribeTemplate[] = []
  const refused: SubscribeTemplate[] = []
  for (const template of input.templates) {
    const result = input.results[template.templateId]
    if (result === undefined) continue
    if (result !== 'accept') {
      refused.push(template)
      continue
    }
    granted.push(template)
    // Keyed by the tap, so a retried report of it stores one allowance, not two.
    await upsert(
      SubscribeAllowanceModel,
      { _id: `${input.userId}|${input.clientId}|${template.templateId}` },
      {
        $setOnInsert: {
          userId: input.userId,
          templateId: template.templateId,
          kind: template.kind,
          caseId: input.caseId,
          grantedAt: input.now,
        },
      },
    )
  }
  return { granted, refused }
}

/**
 * Takes one unused allowance of the template for this message: one given on this case's page
 * first, else one given for any case. The claim is an insert on a unique key, the write that
 * decides races on FerretDB too, so one allowance never pays for two messages.
 */
export async function spendAllowance(
  userId: string,
  templateId: string,
  caseId: Types.ObjectId,
  outboxId: Types.ObjectId,
  now: Date,
): Promise<boolean> {
  const candidates = await SubscribeAllowanceModel.find({ userId, templateId, usedAt: null })
    .sort({ grantedAt: 1, _id: 1 })
    .limit(20)
  const ordered = [
    ...candidates.filter((a) => a.caseId && String(a.caseId) === String(caseId)),
    ...candidates.filter((a) => !a.caseId),
  ]
  for (const allowance of ordered) {
    if (!(await claimOnce(`allowance|${allowance._id}`, now))) continue
    await SubscribeAllowanceModel.updateOne({ _id: allowance._id }, { $set: { usedAt: now, outboxId } })
    return true
  }
  return false
}

import { privacyRulesVersion, stripOptional, stripPersonalData } from '@minqing/shared'
import type { Types } from 'mongoose'
import { CaseEventModel } from '../cases/caseEvent.model'
import { CaseModel } from '../cases/case.model'
import { upsert } from '../db/duplicateKey'
import { EchoTextModel } from './echoText.model'

/** The cases on the wall: resolved or closed, consented to publication, not merged away. */
export const wallFilter = {
  publicConsent: true,
  status: { $in: ['resolved', 'closed'] },
  closedReason: { $ne: 'merged' },
}

const basisOf = (eventSeq: number | null | undefined) => `${eventSeq ?? 0}:${privacyRulesVersion}`

/**
 * Brings the stored stripped texts up to date: every wall case whose copy is missing (items from
 * before this copy existed) or was computed from an older event or older rules gets a new one.
 * Run before the wall is read, since cases change in cases/ without telling the wall.
 */
export async function refreshEchoTexts(): Promise<void> {
  const [cases, texts] = await Promise.all([
    CaseModel.find(wallFilter, { _id: 1, eventSeq: 1 }).lean(),
    EchoTextModel.find({}, { _id: 1, basis: 1 }).lean(),
  ])
  const basisById = new Map(texts.map((text) => [String(text._id), text.basis]))
  const stale = cases.filter((record) => basisById.get(String(record._id)) !== basisOf(record.eventSeq))
  for (let start = 0; start < stale.length; start += 200)
    await storeEchoTexts(stale.slice(start, start + 200).map((record) => record._id))
}

async function storeEchoTexts(ids: Types.ObjectId[]) {
  const [records, events] = await Promise.all([
    CaseModel.find({ _id: { $in: ids } }, { title: 1, description: 1, eventSeq: 1 }).lean(),
    CaseEventModel.find(
      { caseId: { $in: ids }, public: true, action: { $in: ['reply', 'resolve'] }, message: { $ne: null } },
      { caseId: 1, message: 1, seq: 1 },
    )
      .sort({ seq: -1 })
      .lean(),
  ])
  for (const record of records) {
    const reply = events.find((event) => String(event.caseId) === String(record._id))?.message
    const title = stripPersonalData(record.title)
    const description = stripPersonalData(record.description)
    const publicReply = stripOptional(reply)
    await upsert(
      EchoTextModel,
      { _id: record._id },
      {
        $set: {
          basis: basisOf(record.eventSeq),
          title,
          description,
          reply: publicReply,
          search: [title, description, publicReply ?? ''].join('\n'),
        },
      },
    )
  }
}

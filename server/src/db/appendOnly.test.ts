import type { Model } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { ConfigChangeModel } from '../audit/configChange.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { RectificationEventModel } from '../rectification/rectification.model'
import '../../test/testApp'

describe('append-only histories', () => {
  it.each([
    ['case events', CaseEventModel],
    ['rectification events', RectificationEventModel],
    ['config changes', ConfigChangeModel],
  ] as [string, unknown][])('%s refuse every change and delete through the model', async (what, any) => {
    // One shape for the three models, so the same calls can be tried on each.
    const model = any as Model<{ at: Date }>
    const attempts = [
      () => model.updateOne({}, { $set: { at: new Date() } }),
      () => model.updateMany({}, { $set: { at: new Date() } }),
      () => model.findOneAndUpdate({}, { $set: { at: new Date() } }),
      () => model.findOneAndReplace({}, {}),
      () => model.replaceOne({}, {}),
      () => model.deleteOne({}),
      () => model.deleteMany({}),
      () => model.findOneAndDelete({}),
    ]
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(`${what} are append-only`)
  })
})

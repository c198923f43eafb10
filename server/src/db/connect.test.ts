import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { CaseModel } from '../cases/case.model'

describe('connectDatabase', () => {
  // Issue 18: a stack captured (and source-mapped) per query was CPU spent on every read.
  it('leaves queries without a captured call stack of their first run', async () => {
    expect(mongoose.get('skipOriginalStackTraces')).toBe(true)
    const query = CaseModel.findById(new mongoose.Types.ObjectId())
    await query
    expect(typeof (query as unknown as { _executionStack: unknown })._executionStack).not.toBe('string')
  })
})

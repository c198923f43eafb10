import { describe, expect, it } from 'vitest'
import { ginIndexName, ginPlan } from './ginPlan'

describe('ginPlan', () => {
  it('gives each collection one GIN expression per distinct equality field, _id always, dates never', () => {
    const plan = ginPlan([
      {
        collection: 'cases',
        indexes: [
          [{ unitId: 1, status: 1, 'deadlines.dueAt': 1 }, {}],
          [{ status: 1, createdAt: -1 }, {}],
          [{ 'objection.status': 1 }, {}],
        ],
        dateFields: ['createdAt', 'deadlines.dueAt'],
      },
      { collection: 'claims', indexes: [], dateFields: [] },
    ])
    expect(plan.map((index) => `${index.collection}.${index.field}`)).toEqual([
      'cases._id',
      'cases.unitId',
      'cases.status',
      'cases.objection.status',
      'claims._id',
    ])
    // The expressions FerretDB's pushed-down filters produce once their parameters are bound.
    expect(plan[1]!.expression).toBe("(_jsonb -> 'unitId')")
    expect(plan[3]!.expression).toBe("(_jsonb #> '{objection,status}'::text[])")
  })

  it('names indexes within PostgreSQL’s 63 bytes, distinct per table and field', () => {
    const long = 'a'.repeat(80)
    expect(ginIndexName('cases_fd985966', long).length).toBeLessThanOrEqual(63)
    expect(ginIndexName('cases_1', 'unitId')).not.toBe(ginIndexName('visits_2', 'unitId'))
    expect(ginIndexName('cases_1', 'unitId')).toMatch(/^mqgin_[0-9a-f]{10}_unitid$/)
  })
})

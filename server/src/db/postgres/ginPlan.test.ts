import { describe, expect, it } from 'vitest'
import { ginIndexName, ginPlan } from './ginPlan'

describe('ginPlan', () => {
  it('gives one multi-column GIN per declared index (dates left out), _id always, subsets folded in', () => {
    const plan = ginPlan([
      {
        collection: 'cases',
        indexes: [
          [{ unitId: 1, status: 1, 'deadlines.dueAt': 1 }, {}],
          [{ status: 1, createdAt: -1 }, {}],
          [{ createdBy: 1, clientId: 1 }, {}],
          [{ clientId: 1, createdBy: 1 }, { unique: true }],
          [{ 'objection.status': 1 }, {}],
          [{ createdAt: -1 }, {}],
        ],
        dateFields: ['createdAt', 'deadlines.dueAt'],
      },
      { collection: 'claims', indexes: [], dateFields: [] },
    ])
    expect(plan.map((index) => `${index.collection}: ${index.fields.join(', ')}`)).toEqual([
      'cases: _id',
      // (status) alone is served by (unitId, status); the two client id orders are one index.
      'cases: unitId, status',
      'cases: createdBy, clientId',
      'cases: objection.status',
      'claims: _id',
    ])
    // The expressions FerretDB's pushed-down filters produce once their parameters are bound.
    expect(plan[1]!.expressions).toEqual(["(_jsonb -> 'unitId')", "(_jsonb -> 'status')"])
    expect(plan[3]!.expressions).toEqual(["(_jsonb #> '{objection,status}'::text[])"])
  })

  it('names indexes within PostgreSQL’s 63 bytes, distinct per table and fields', () => {
    expect(ginIndexName('cases_fd985966', ['a'.repeat(80)]).length).toBeLessThanOrEqual(63)
    expect(ginIndexName('cases_1', ['unitId'])).not.toBe(ginIndexName('visits_2', ['unitId']))
    expect(ginIndexName('cases_1', ['unitId', 'status'])).toMatch(/^mqgin_[0-9a-f]{10}_unitid_status$/)
  })
})

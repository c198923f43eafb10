import { describe, expect, inject, it } from 'vitest'
import { currentAreaIndex } from '../src/areas/areaIndex'
import { CategoryModel } from '../src/categories/category.model'
import { CaseModel } from '../src/cases/case.model'
import { memoryCache } from '../src/db/memoryCache'
import { resetProcessState } from '../src/processState/processState'
import { cachedRules } from '../src/routing/ruleCache'
import { UnitModel } from '../src/units/unit.model'
import { buildUnit } from './factories'
import { useWorkerDatabase } from './workerDatabase'

// Issue #12: a worker runs its test files in one process on one database (isolate: false). What
// setupDatabase.ts does before each file must leave the next file as on a fresh server.
describe('the start of each test file', () => {
  it('empties the worker database and keeps every declared index', async () => {
    await buildUnit({ level: 'district', name: '上一个文件的区' })
    await CategoryModel.create({ code: 'left.over', name: '上一个文件的分类', parentCode: null })
    await useWorkerDatabase(inject('mongoUri'), 'test')
    expect(await CategoryModel.countDocuments()).toBe(0)
    expect(await UnitModel.countDocuments()).toBe(0)
    const declared = CaseModel.schema.indexes().length
    // The _id index and each one the schema declares.
    expect((await CaseModel.collection.indexes()).length).toBe(declared + 1)
  })

  it('forgets the caches the server keeps in memory, as a restart would', async () => {
    let loads = 0
    const cache = memoryCache(async () => ++loads)
    expect(await cache.get()).toBe(1)
    expect(await cache.get()).toBe(1)
    const rules = () => cachedRules(async () => [{ id: `load ${++loads}` } as never])
    const [before] = await rules()
    expect(await rules()).toEqual([before])
    const areas = await currentAreaIndex()
    expect(await currentAreaIndex()).toBe(areas)

    await resetProcessState()
    expect(await cache.get()).toBe(3)
    expect(await rules()).not.toEqual([before])
    expect(await currentAreaIndex()).not.toBe(areas)
  })
})

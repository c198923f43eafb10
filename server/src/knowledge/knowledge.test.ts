import { knowledgeSearchPolicy } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { demoKnowledgeEntries } from './demoEntries'
import { indexEntry, searchEntries } from './searchIndex'

const indexed = demoKnowledgeEntries.map((entry, n) =>
  indexEntry({ ...entry, id: String(n).padStart(24, '0'), published: true }),
)
const top = (query: string, categoryCode?: string) =>
  searchEntries(indexed, query, { limit: 3, categoryCode })[0]?.question

describe('knowledge search (jieba words and keywords, pure)', () => {
  it('finds the entry for what residents type, in their own words', () => {
    expect(top('我们小区的路灯好几天都不亮了')).toBe('路灯坏了向谁反映？')
    expect(top('楼上一直往下渗水')).toBe('楼上漏水到我家怎么办？')
    expect(top('暖气片摸着是凉的，屋里才十五度')).toBe('暖气不热的标准是多少度？')
    expect(top('村里书屋总是关门')).toBe('农家书屋什么时候开放？')
    expect(top('反映的问题多久有答复')).toBe('反映问题后多久会有答复？')
  })

  it('shows nothing for a query that matches no entry, and keeps to the category asked', () => {
    expect(searchEntries(indexed, '今天天气不错', { limit: 5 })).toEqual([])
    const heating = searchEntries(indexed, '停水停电暖气', { limit: 10, categoryCode: 'utility.heating' })
    expect(heating.every((hit) => hit.categoryCode === 'utility.heating' || hit.categoryCode === null)).toBe(
      true,
    )
    expect(heating.length).toBeGreaterThan(0)
  })
})

describe('knowledge base routes', { timeout: 60_000 }, () => {
  it('lets admins write entries; handlers and residents find only published ones', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const tag = `葫芦丝${Date.now() % 100000}`
    const draft = await request
      .post('/api/v1/knowledge')
      .set(world.admin.auth)
      .send({ question: `${tag}培训班怎么报名？`, answer: '到文化站报名。', keywords: [tag] })
    expect(draft.status).toBe(201)
    expect(draft.body.published).toBe(false)
    const search = (path: string, auth: Record<string, string> = {}) =>
      request.get(`/api/v1/${path}?q=${encodeURIComponent(`我想学${tag}`)}`).set(auth)

    expect((await search('knowledge/search', world.cultureHandler.auth)).body.items).toEqual([])
    expect((await search('public/knowledge/search')).body.items).toEqual([])

    const published = await request
      .patch(`/api/v1/knowledge/${draft.body.id}`)
      .set(world.admin.auth)
      .send({ published: true, policySource: '区文化站公告' })
    expect(published.status).toBe(200)
    const handlerHits = (await search('knowledge/search', world.cultureHandler.auth)).body.items
    expect(handlerHits).toEqual([
      {
        id: draft.body.id,
        question: `${tag}培训班怎么报名？`,
        answer: '到文化站报名。',
        categoryCode: null,
        policySource: '区文化站公告',
      },
    ])
    const publicHits = (await search('public/knowledge/search')).body.items
    expect(publicHits.map((hit: { id: string }) => hit.id)).toEqual([draft.body.id])
    const read = await request.get(`/api/v1/public/knowledge/${draft.body.id}`)
    expect(read.body.answer).toBe('到文化站报名。')

    const unpublish = await request
      .patch(`/api/v1/knowledge/${draft.body.id}`)
      .set(world.admin.auth)
      .send({ published: false })
    expect(unpublish.body.published).toBe(false)
    expect((await request.get(`/api/v1/public/knowledge/${draft.body.id}`)).status).toBe(404)

    const bad = await request
      .post('/api/v1/knowledge')
      .set(world.admin.auth)
      .send({ question: '', answer: '' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(
      expect.arrayContaining(['question', 'answer']),
    )
    const byHandler = await request
      .post('/api/v1/knowledge')
      .set(world.cultureHandler.auth)
      .send({ question: '问题问题', answer: '答案答案' })
    expect(byHandler.status).toBe(403)
    expect((await request.get('/api/v1/public/knowledge/search?q=')).status).toBe(400)
    expect((await request.delete(`/api/v1/knowledge/${draft.body.id}`).set(world.admin.auth)).status).toBe(
      200,
    )
  })

  it('rate-limits the public search per client IP with 429', async () => {
    // A minute of its own: the limit's window is keyed by the (test) clock.
    const { request } = testApp({ clock: manualClock(new Date('2026-04-01T10:00:00+08:00')) })
    const statuses: number[] = []
    for (let n = 0; n <= knowledgeSearchPolicy.perIpPerMinute; n++)
      statuses.push((await request.get('/api/v1/public/knowledge/search?q=路灯')).status)
    expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })
})

import mongoose, { Types } from 'mongoose'
import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { storeImage } from '../files/gridfs'
import { anonymiseClosedCases } from './anonymiseClosedCases'
import { stripPersonal } from './stripPersonal'

const day = 86_400_000
const phone = '13712345678'
const idNumber = '110101199003074512'

describe('stripPersonal', () => {
  it('strips ID numbers, mobile and landline numbers, names after a marker and addresses (shared stripper)', () => {
    expect(
      stripPersonal(
        `我叫张三丰，电话${phone}，座机010-87654321，身份证${idNumber}，住幸福小区12号楼3单元402室`,
      ),
    ).toBe('我叫[姓名]，电话[手机号]，座机[电话]，身份证[身份证号]，住幸福小区[地址]')
    expect(stripPersonal('路灯不亮')).toBe('路灯不亮')
    expect(stripPersonal(null)).toBeNull()
  })
})

describe('retention of closed cases', () => {
  it('anonymises a case RETENTION_DAYS after closing, records an event, deletes its photos and keeps the statistics', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request, deps } = testApp({ clock, env: { RETENTION_DAYS: '30' } })
    const world = await caseWorld(request)
    const pixels = randomBytes(8 * 8 * 3)
    const photo = await storeImage(
      await sharp(pixels, { raw: { width: 8, height: 8, channels: 3 } })
        .png()
        .toBuffer(),
      world.resident.user.id,
    )
    const submitted = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(
        caseBody({
          contactPhone: phone,
          description: `我叫张三丰，电话${phone}，身份证${idNumber}，书屋两个月没开门`,
          location: { lat: 39.251234, lng: 116.251234, address: '朝阳区幸福街道12号3单元' },
          photos: [photo.id],
        }),
      )
    expect(submitted.status).toBe(201)
    const id = submitted.body.id as string
    const act = (auth: Record<string, string>, body: object) =>
      request.post(`/api/v1/cases/${id}/transitions`).set(auth).send(body)
    expect((await act(world.cultureHandler.auth, { action: 'accept' })).status).toBe(200)
    expect(
      (await act(world.cultureHandler.auth, { action: 'resolve', message: `已恢复，联系人王五 ${phone}` }))
        .status,
    ).toBe(200)
    expect(
      (await act(world.resident.auth, { action: 'rate', rating: 'satisfied', comment: `很好，我是张三丰` }))
        .status,
    ).toBe(200)
    const young = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const rates = async () => {
      const admin = await loginAs(request, world.admin.user)
      const answer = await request
        .get('/api/v1/stats/rates?from=2026-03-01&to=2026-03-31')
        .set({ Authorization: `Bearer ${admin.accessToken}` })
      // Pending counts are a snapshot of now (the young case's sign-for window closes as time
      // passes); the counted figures are what anonymising must keep.
      return answer.body.rows.map(({ pending: _, ...row }: Record<string, unknown>) => row)
    }
    const ratesBefore = await rates()
    const eventsBefore = await CaseEventModel.countDocuments({ caseId: id })

    clock.advance(29 * day)
    expect(await anonymiseClosedCases(deps)).toEqual({ anonymised: 0 }) // not yet due
    clock.advance(2 * day)
    expect(await anonymiseClosedCases(deps)).toEqual({ anonymised: 1 })
    expect(await anonymiseClosedCases(deps)).toEqual({ anonymised: 0 }) // done once

    const record = (await CaseModel.findById(id))!.toObject()
    expect(record).toMatchObject({
      contactPhone: null,
      photos: [],
      location: { lat: 39.25, lng: 116.25, address: '朝阳区幸福街道****' },
      status: 'closed',
      closedReason: 'rated',
      categoryCode: 'culture.library',
      rating: { value: 'satisfied' },
    })
    expect(String(record.unitId)).toBe(world.culture.id)
    expect(record.anonymisedAt).toEqual(clock.now())
    const stored = JSON.stringify(record)
    const history = JSON.stringify(await CaseEventModel.find({ caseId: id }).lean())
    for (const text of [stored, history]) {
      expect(text).not.toContain(phone)
      expect(text).not.toContain(idNumber)
      expect(text).not.toContain('张三丰')
      expect(text).not.toContain('王五')
      expect(text).not.toContain(photo.id)
    }
    const events = await CaseEventModel.find({ caseId: id }).sort({ seq: 1 }).lean()
    expect(events).toHaveLength(eventsBefore + 1)
    expect(events.at(-1)).toMatchObject({
      action: 'anonymise',
      from: 'closed',
      to: 'closed',
      public: false,
      actor: { role: 'system' },
    })
    const files = mongoose.connection.db!.collection('photos.files')
    expect(
      await files.countDocuments({
        _id: { $in: [new Types.ObjectId(photo.id), new Types.ObjectId(photo.thumbnailId)] },
      }),
    ).toBe(0)
    // The case that is not closed is untouched.
    expect((await CaseModel.findById(young.body.id))!.contactPhone).toBe('13712345678')

    // The statistics are the same, also when recounted from the (stripped) events.
    expect(await rates()).toEqual(ratesBefore)
    const admin = await loginAs(request, world.admin.user)
    expect(
      (
        await request
          .post('/api/v1/stats/rollups/rebuild')
          .set({ Authorization: `Bearer ${admin.accessToken}` })
      ).status,
    ).toBe(200)
    expect(await rates()).toEqual(ratesBefore)
  })
})

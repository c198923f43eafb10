import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { NotificationModel } from '../notifications/notification.model'
import { CaseSubjectModel } from '../repeatConcerns/repeatConcern.model'
import { CaseEventModel } from './caseEvent.model'
import { sendFirstReply } from '../replyTemplates/firstReply'
import { commitChange, loadCase } from './commitChange'
import { projectSubmitFollowUps } from './submitFollowUp'

/** A hook that kills the run at the n-th time it reaches `step` (as a crash there would). */
const killAt = (step: string, n = 1) => {
  let seen = 0
  return (reached: string) => {
    if (reached === step && ++seen === n) throw new Error(`killed at ${step}`)
  }
}

describe('what follows a submission, off the request path (issue 18)', { timeout: 120_000 }, () => {
  it('a new case costs at most 3 database commands on the request path', async () => {
    const { request } = testApp({
      clock: manualClock(new Date('2026-03-02T09:00:00+08:00')),
      autoSettle: false,
    })
    const world = await caseWorld(request)
    // Warm: the category and routing caches, the case-number block.
    expect((await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())).status).toBe(201)
    const commands: string[] = []
    const client = mongoose.connection.getClient()
    const onCommand = (event: { commandName: string; command: Record<string, unknown> }) =>
      commands.push(`${event.commandName} ${String(event.command[event.commandName])}`)
    client.on('commandStarted', onCommand)
    const submits = 5
    try {
      for (let i = 0; i < submits; i++)
        expect((await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())).status).toBe(
          201,
        )
    } finally {
      client.off('commandStarted', onCommand)
    }
    // The case insert and the events insert per case; a new block of case numbers now and then.
    expect(commands.length, commands.join('\n')).toBeLessThanOrEqual(3 * submits)
    expect(commands.filter((command) => command.startsWith('insert cases'))).toHaveLength(submits)
  })

  it('a run killed half-way is finished by the next: each case told once, its first reply once, its subject once', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request, deps, settle } = testApp({ clock, autoSettle: false })
    const world = await caseWorld(request)
    await settle() // earlier tests' submissions: this test's batch holds only its own
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const answer = await request
        .post('/api/v1/cases')
        .set(world.resident.auth)
        .send(caseBody({ contactPhone: '13912340001' }))
      expect(answer.status).toBe(201)
      ids.push(answer.body.id as string)
    }
    const firstReplies = () => CaseEventModel.countDocuments({ caseId: { $in: ids }, action: 'firstReply' })
    const told = () => NotificationModel.countDocuments({ caseId: { $in: ids }, action: 'submit' })
    // Nothing yet: the request wrote the case and its events only.
    expect([await firstReplies(), await told()]).toEqual([0, 0])

    // Killed after the second case.
    await expect(projectSubmitFollowUps(deps, killAt('row', 2))).rejects.toThrow('killed at row')
    expect(await firstReplies()).toBe(2)
    // The next run (after a restart, or another instance once the lease ends) takes the same batch.
    await settle()
    expect(await firstReplies()).toBe(3)
    const notified = await told()
    expect(notified).toBeGreaterThan(0)
    expect(await CaseSubjectModel.countDocuments({ caseId: { $in: ids } })).toBe(3)

    // Killed after every case was done but before the batch was recorded: nothing twice.
    const more = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ contactPhone: '13912340001' }))
    ids.push(more.body.id as string)
    await expect(projectSubmitFollowUps(deps, killAt('applied'))).rejects.toThrow('killed at applied')
    await settle()
    await settle()
    expect(await firstReplies()).toBe(4)
    expect(await told()).toBe((notified / 3) * 4)
    expect(await CaseSubjectModel.countDocuments({ caseId: { $in: ids } })).toBe(4)
  })

  it('reads each case once (its first reply commits on that read)', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request, deps, settle } = testApp({ clock, autoSettle: false })
    const world = await caseWorld(request)
    await settle()
    const ids: string[] = []
    for (let i = 0; i < 2; i++) {
      const answer = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
      expect(answer.status).toBe(201)
      ids.push(answer.body.id as string)
    }
    const caseReads: string[] = []
    const client = mongoose.connection.getClient()
    const onCommand = (event: { commandName: string; command: Record<string, unknown> }) => {
      // Whole cases only: the repeat-concern check reads a few fields of the resident's earlier ones.
      if (
        ['find', 'findAndModify'].includes(event.commandName) &&
        event.command[event.commandName] === 'cases' &&
        !event.command.projection
      )
        caseReads.push(`${event.commandName} ${JSON.stringify(event.command.filter ?? event.command.query)}`)
    }
    client.on('commandStarted', onCommand)
    try {
      await projectSubmitFollowUps(deps)
    } finally {
      client.off('commandStarted', onCommand)
    }
    expect(await CaseEventModel.countDocuments({ caseId: { $in: ids }, action: 'firstReply' })).toBe(2)
    // Per case: the step's read, and the first reply's conditional update.
    expect(
      caseReads.filter((read) => read.startsWith('find ')),
      caseReads.join('\n'),
    ).toHaveLength(2)
    expect(
      caseReads.filter((read) => read.startsWith('findAndModify ')),
      caseReads.join('\n'),
    ).toHaveLength(2)
  })

  it('a first reply sent on a case read before another change still lands once, after that change', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request, deps } = testApp({ clock, autoSettle: false })
    const world = await caseWorld(request)
    const answer = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    expect(answer.status).toBe(201)
    const id = answer.body.id as string
    const stale = await loadCase(id)
    await commitChange(
      await loadCase(id),
      { to: stale.status, set: {}, inc: {}, involveUnitIds: [] },
      {
        action: 'comment',
        actor: { userId: null, role: 'system', unitId: null },
        at: clock.now(),
        public: false,
        message: '内部备注',
      },
    )
    await sendFirstReply(deps, stale)
    const events = await CaseEventModel.find({ caseId: id }).sort({ seq: 1 }).lean()
    expect(events.map((event) => event.action)).toEqual(['submit', 'dispatch', 'comment', 'firstReply'])
    expect((await loadCase(id)).eventSeq).toBe(4)
    await sendFirstReply(deps, await loadCase(id)) // claimed: not twice
    expect(await CaseEventModel.countDocuments({ caseId: id, action: 'firstReply' })).toBe(1)
  })
})

import { describe, expect, it } from 'vitest'
import { nextStep } from './nextStep'

const base = {
  unitName: '文旅局',
  deadlines: {
    acceptBy: '2026-12-02T09:30:00Z',
    answerBy: '2026-12-09T09:30:00Z',
    dueAt: '2026-12-02T09:30:00Z',
    expectedAnswerBy: '2026-12-11T15:59:00Z',
  },
}

describe('nextStep', () => {
  it('says which deadline a running clock counts down to', () => {
    const waiting = nextStep({
      ...base,
      status: 'dispatched',
      timeState: { state: 'warning', msLeft: 119 * 60_000 },
    })
    expect(waiting).toEqual({
      text: '等待文旅局签收',
      deadline: '签收期限 12月2日 17:30 · 剩余1小时59分',
      tone: 'warning',
    })
    const working = nextStep({
      ...base,
      deadlines: { ...base.deadlines, dueAt: base.deadlines.answerBy },
      status: 'accepted',
      timeState: { state: 'on_time', msLeft: 3 * 86_400_000 },
    })
    expect(working.deadline).toBe('答复期限 12月9日 17:30 · 剩余3天0小时')
    expect(working.text).toBe('文旅局正在办理')
  })

  it('words the deadline as the list chip does: the step comes from the deadline the clock runs to', () => {
    // The server's clock rule decides which limit runs; the client names the step from that limit
    // and never re-derives it from the status (the detail page once did, the list chip did not).
    const transferred = nextStep({
      ...base,
      deadlines: { ...base.deadlines, dueAt: base.deadlines.answerBy },
      status: 'transferred',
      timeState: { state: 'on_time', msLeft: 86_400_000 },
    })
    expect(transferred.deadline).toBe('答复期限 12月9日 17:30 · 剩余1天0小时')
  })

  it('asks for the rating when resolved, and ends when closed or rejected', () => {
    expect(nextStep({ ...base, status: 'resolved', timeState: null }).text).toBe('已办结，等待群众评价')
    expect(nextStep({ ...base, status: 'closed', timeState: null })).toMatchObject({
      tone: 'done',
      deadline: null,
    })
    expect(nextStep({ ...base, status: 'submitted', timeState: null }).text).toBe('派单中心正在确定承办单位')
  })
})

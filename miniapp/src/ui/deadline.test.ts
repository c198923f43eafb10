import { describe, expect, it } from 'vitest'
import { deadlineChipText, expectedAnswerText } from './deadline'

const deadlines = {
  acceptBy: '2026-12-02T06:00:00.000Z',
  answerBy: '2026-12-09T09:59:00.000Z',
  ratingBy: null,
  expectedAnswerBy: '2026-12-11T09:59:00.000Z',
}

describe('deadline chips say what they count down to', () => {
  it('names the signing deadline while a unit must still sign', () => {
    const text = deadlineChipText(
      { ...deadlines, dueAt: deadlines.acceptBy },
      { state: 'warning', msLeft: 119 * 60_000 },
    )
    expect(text).toBe('签收剩余 1小时59分')
  })

  it('names the answering deadline once signed, and says when it is overdue', () => {
    expect(
      deadlineChipText(
        { ...deadlines, dueAt: deadlines.answerBy },
        { state: 'overdue', msLeft: -3 * 3_600_000 },
      ),
    ).toBe('答复超期 3小时0分')
  })

  it('names the rating deadline', () => {
    const ratingBy = '2026-12-20T00:00:00.000Z'
    expect(
      deadlineChipText(
        { ...deadlines, ratingBy, dueAt: ratingBy },
        { state: 'on_time', msLeft: 2 * 86_400_000 },
      ),
    ).toBe('评价剩余 2天0小时')
  })

  it('gives the promised answer date as a date, in China time', () => {
    expect(expectedAnswerText(deadlines.expectedAnswerBy)).toBe('预计答复 12月11日')
    expect(expectedAnswerText(null)).toBe('')
  })
})

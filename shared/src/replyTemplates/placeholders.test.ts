import { describe, expect, it } from 'vitest'
import { defaultTimeLimits } from '../deadlines/timeLimits'
import { defaultReplyTemplates } from './defaultTemplates'
import { fillTemplate, formOfAddress, unknownPlaceholders } from './placeholders'
import { replyTemplateInputSchema } from './schemas'
import { timeStandardText } from './timeStandard'

describe('reply template placeholders', () => {
  it('fills every known placeholder, and falls back to plain words for values the case lacks', () => {
    const text = '{反映人称呼}，您好！编号{案件编号}由{责任单位}办理，{办理时限}前答复，{分类}。'
    expect(
      fillTemplate(text, { 反映人称呼: '张先生/女士', 案件编号: 'MQ20260310-0001', 责任单位: '文旅局' }),
    ).toBe('张先生/女士，您好！编号MQ20260310-0001由文旅局办理，规定时限前答复，相关。')
  })

  it('finds unknown placeholders, each once', () => {
    expect(unknownPlaceholders('{案件编号}{责任部门}{责任部门}{姓名}')).toEqual(['责任部门', '姓名'])
    expect(unknownPlaceholders('没有占位符 {}')).toEqual([])
  })

  it('addresses the resident by family name only, compound surnames included', () => {
    expect(formOfAddress('张三')).toBe('张先生/女士')
    expect(formOfAddress('欧阳娜娜')).toBe('欧阳先生/女士')
    expect(formOfAddress('王')).toBe('您')
    expect(formOfAddress('Alice')).toBe('您')
    expect(formOfAddress(null)).toBe('您')
  })

  it('refuses a template with an unknown placeholder when it is saved, naming it', () => {
    const parsed = replyTemplateInputSchema.safeParse({
      action: 'reply',
      title: '答复',
      body: '{责任部门}已受理',
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['body'] })
    expect(parsed.error?.issues[0]?.message).toContain('{责任部门}')
  })

  it('ships default templates that all parse', () => {
    for (const template of defaultReplyTemplates)
      expect(replyTemplateInputSchema.parse(template)).toBeTruthy()
  })
})

describe('the time standard told to the resident', () => {
  it('names office-hour sign-for and working-day answer limits with their dates', () => {
    expect(
      timeStandardText({
        urgency: 'general',
        limits: defaultTimeLimits,
        acceptBy: new Date('2026-03-10T11:00:00+08:00'),
        expectedAnswerBy: new Date('2026-03-19T23:59:59+08:00'),
      }),
    ).toBe(
      '承办单位将在工作时间2小时内签收（最迟3月10日 11:00前），签收后7个工作日内答复您，预计3月19日 23:59前答复',
    )
  })

  it('counts natural hours for emergencies', () => {
    expect(
      timeStandardText({
        urgency: 'emergency',
        limits: defaultTimeLimits,
        acceptBy: null,
        expectedAnswerBy: null,
      }),
    ).toBe('承办单位将在2小时内签收，签收后2小时内答复您')
  })
})

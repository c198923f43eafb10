import { AppError, caseLookupInputSchema, intakeChannelLabels, type IntakeChannel } from '@minqing/shared'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { lookupCase, type LookupView } from '../../api/intake'
import { formatChinaTime } from '../../cases/format'
import { Page } from '../../components/Page'
import { fieldErrors } from '../../ui/messages'
import { Button } from '../../ui/nutui'
import './index.css'

/**
 * 进度查询 without an account: the caller's phone and the query code from the SMS (or read out
 * on the phone) show the status, the unit in charge and its replies — names masked.
 */
/** What each answer is, as the caller reads it (首次答复 as on the case page: who handles it, by when). */
const replyLabels: Record<string, string> = { firstReply: '首次答复', reply: '答复', resolve: '办结答复' }

export default function LookupPage() {
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const [found, setFound] = useState<LookupView | null>(null)

  async function search() {
    const parsed = caseLookupInputSchema.safeParse({ phone, code })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      return
    }
    setErrors({})
    try {
      setFound(await lookupCase(parsed.data))
      setMessage('')
    } catch (error) {
      setFound(null)
      setMessage(error instanceof AppError ? error.message : '查询失败')
    }
  }

  return (
    <Page className="lookup">
      <View className="lookup-card">
        <Text className="lookup-title">诉求进度查询</Text>
        <Text className="lookup-note">输入反映问题时登记的手机号和短信中的6位查询码</Text>
        <Input
          className="lookup-input lookup-phone"
          type="number"
          maxlength={11}
          placeholder="手机号"
          value={phone}
          onInput={(event) => setPhone(event.detail.value)}
        />
        {errors.phone && <Text className="mq-field-error">{errors.phone}</Text>}
        <Input
          className="lookup-input lookup-code"
          maxlength={6}
          placeholder="查询码（如 K7M2QX）"
          value={code}
          onInput={(event) => setCode(event.detail.value)}
          onConfirm={() => void search()}
        />
        {errors.code && <Text className="mq-field-error">{errors.code}</Text>}
        <Button type="primary" block className="lookup-search" onClick={() => void search()}>
          查询
        </Button>
        {message && <Text className="lookup-message">{message}</Text>}
      </View>
      {found && (
        <View className="lookup-card lookup-result">
          <Text className="lookup-number">编号 {found.number}</Text>
          <Text className="lookup-status">{found.statusLabel}</Text>
          <Text className="lookup-line">{found.title}</Text>
          <Text className="lookup-line">
            反映人 {found.caller.name} ·{' '}
            {intakeChannelLabels[found.channel as IntakeChannel] ?? found.channel} ·{' '}
            {formatChinaTime(found.submittedAt)}
          </Text>
          <Text className="lookup-line">承办单位：{found.unitName ?? '派单中心'}</Text>
          {found.replies.map((reply) => (
            <View key={reply.at} className="lookup-reply">
              <Text className="lookup-line">
                {replyLabels[reply.action] ?? '答复'} {formatChinaTime(reply.at)}
              </Text>
              <Text className="lookup-line">{reply.message}</Text>
            </View>
          ))}
        </View>
      )}
    </Page>
  )
}

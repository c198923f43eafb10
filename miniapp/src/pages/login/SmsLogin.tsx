import { AppError, smsLoginInputSchema } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { loginWithSmsCode, requestSmsCode } from '../../api/auth'
import { Field } from '../../components/Field'
import { Button, Cell, Input } from '../../ui/nutui'
import { fieldErrors } from '../../ui/messages'

/**
 * 短信验证码登录 (H5): the phone gets a six-digit code; the code is the login. A new phone
 * becomes a resident's account, verified by the code.
 */
export function SmsLogin({ onLogin }: { onLogin: (login: () => Promise<unknown>) => Promise<void> }) {
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [note, setNote] = useState('')
  const [wait, setWait] = useState(0)

  useEffect(() => {
    if (wait <= 0) return
    const timer = setTimeout(() => setWait(wait - 1), 1000)
    return () => clearTimeout(timer)
  }, [wait])

  async function sendCode() {
    const parsed = smsLoginInputSchema.shape.phone.safeParse(phone)
    if (!parsed.success) {
      setErrors({ phone: fieldErrors(parsed.error)[''] ?? '请输入11位手机号' })
      return
    }
    setErrors({})
    try {
      const answer = await requestSmsCode(parsed.data)
      setWait(answer.retryAfterSeconds)
      setNote(`验证码已发送至 ${parsed.data.slice(0, 3)}****${parsed.data.slice(-4)}，5 分钟内有效`)
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
      const retry = (appError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds
      if (retry) setWait(retry)
      setNote(appError.message)
    }
  }

  function submit() {
    const parsed = smsLoginInputSchema.safeParse({ phone, code })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      return
    }
    setErrors({})
    void onLogin(() => loginWithSmsCode(parsed.data))
  }

  return (
    <View className="login-sms">
      <Cell.Group>
        <Field error={errors.phone}>
          <Input
            name="smsPhone"
            type="tel"
            placeholder="手机号"
            value={phone}
            maxLength={11}
            onChange={(value: string) => setPhone(value)}
          />
        </Field>
        <Field error={errors.code}>
          <View className="login-code-row">
            <Input
              name="smsCode"
              type="number"
              placeholder="6位验证码"
              value={code}
              maxLength={6}
              onChange={(value: string) => setCode(value)}
              onConfirm={submit}
            />
            <Button
              className="login-send-code"
              size="small"
              disabled={wait > 0}
              onClick={() => void sendCode()}
            >
              {wait > 0 ? `${wait}秒后重发` : '获取验证码'}
            </Button>
          </View>
        </Field>
      </Cell.Group>
      {note && <Text className="login-note">{note}</Text>}
      <View className="login-actions">
        <Button className="login-sms-submit" type="primary" size="large" block onClick={submit}>
          登录
        </Button>
      </View>
    </View>
  )
}

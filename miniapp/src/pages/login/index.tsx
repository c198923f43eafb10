import { AppError, loginInputSchema } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { loginAsGuest, loginWithPassword, loginWithWechat, smsLoginEnabled } from '../../api/auth'
import { SmsLogin } from './SmsLogin'
import { Field } from '../../components/Field'
import { Page } from '../../components/Page'
import { Button, Cell, Input } from '../../ui/nutui'
import { fieldErrors } from '../../ui/messages'
import './index.css'

const isWeapp = process.env.TARO_ENV === 'weapp'

export default function LoginPage() {
  const [phone, setPhone] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  // H5 residents without WeChat can prove their phone by SMS when the server has a gateway.
  const [smsOffered, setSmsOffered] = useState(false)
  const [mode, setMode] = useState<'password' | 'sms'>('password')
  useEffect(() => {
    if (isWeapp) return
    smsLoginEnabled()
      .then(setSmsOffered)
      .catch(() => setSmsOffered(false))
  }, [])

  async function attempt(login: () => Promise<unknown>) {
    setBusy(true)
    setMessage('')
    try {
      await login()
      await Taro.reLaunch({ url: '/pages/home/index' })
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
      // After an admin's reset the temporary password only serves to choose a new one.
      if (appError.code === 'PASSWORD_CHANGE_REQUIRED') {
        await Taro.navigateTo({ url: `/pages/password/index?reset=1&phone=${phone}` })
        return
      }
      setErrors(fieldErrors(appError))
      setMessage(appError.message)
    } finally {
      setBusy(false)
    }
  }

  function submitPassword() {
    const parsed = loginInputSchema.safeParse({ phone, password })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      return
    }
    setErrors({})
    void attempt(() => loginWithPassword(parsed.data))
  }

  const passwordForm = (
    <>
      <Cell.Group>
        <Field error={errors.phone}>
          <Input
            name="phone"
            type="tel"
            placeholder="手机号"
            value={phone}
            maxLength={11}
            onChange={(value: string) => setPhone(value)}
          />
        </Field>
        <Field error={errors.password}>
          <Input
            name="password"
            type="password"
            placeholder="密码"
            value={password}
            onChange={(value: string) => setPassword(value)}
            onConfirm={submitPassword}
          />
        </Field>
      </Cell.Group>
      <View className="login-actions">
        <Button type="primary" size="large" block loading={busy} onClick={submitPassword}>
          登录
        </Button>
        {isWeapp ? (
          <Button size="large" block disabled={busy} onClick={() => void attempt(loginWithWechat)}>
            微信一键登录（群众）
          </Button>
        ) : (
          <Button size="large" block disabled={busy} onClick={() => void attempt(loginAsGuest)}>
            游客体验（群众）
          </Button>
        )}
      </View>
      <Text className="login-hint">工作人员请使用手机号和密码登录</Text>
      {/* Callers filed by hotline or at a window have no account: phone + query code is enough. */}
      <Text
        className="login-hint login-lookup"
        onClick={() => void Taro.navigateTo({ url: '/pages/lookup/index' })}
      >
        电话或来访反映的问题？凭手机号和查询码查询进度
      </Text>
    </>
  )

  return (
    <Page>
      <View className="login-brand">
        <Text className="login-title">民情通</Text>
        <Text className="login-subtitle">走访民情 · 倾听民意 · 限时办结</Text>
      </View>
      {smsOffered && (
        <View className="login-modes">
          {(['password', 'sms'] as const).map((value) => (
            <Text
              key={value}
              className={`login-mode ${mode === value ? 'login-mode-active' : ''}`}
              onClick={() => setMode(value)}
            >
              {value === 'password' ? '密码登录' : '短信验证码登录'}
            </Text>
          ))}
        </View>
      )}
      {mode === 'sms' ? <SmsLogin onLogin={attempt} /> : passwordForm}
      {message && <Text className="login-message">{message}</Text>}
    </Page>
  )
}

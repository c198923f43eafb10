import { AppError, changePasswordInputSchema, passwordPolicy } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { changePassword } from '../../api/auth'
import { Field } from '../../components/Field'
import { Page } from '../../components/Page'
import { sessionStore } from '../../session/sessionStore'
import { Button, Cell, Input } from '../../ui/nutui'
import { fieldErrors } from '../../ui/messages'
import './index.css'

/**
 * 修改密码: from 我的, or from the login page after an admin's reset (`?phone=…&reset=1`), when
 * there is no session yet. The form checks the shared policy schema before sending.
 */
export default function PasswordPage() {
  const params = useRouter().params
  // Not useCurrentUser: after a reset there is no session, and that hook would send us to login.
  const user = sessionStore.get()?.user ?? null
  const afterReset = params.reset === '1'
  const [phone, setPhone] = useState(params.phone ?? user?.phone ?? '')
  const [currentPassword, setCurrentPassword] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  async function submit() {
    const parsed = changePasswordInputSchema.safeParse({ phone, currentPassword, newPassword })
    const found = parsed.success ? {} : fieldErrors(parsed.error)
    if (repeat !== newPassword) found.repeat = '两次输入的新密码不一致'
    setErrors(found)
    if (!parsed.success || found.repeat) return
    setBusy(true)
    setMessage('')
    try {
      await changePassword(parsed.data)
      void Taro.showToast({ title: '密码已修改', icon: 'success' })
      await Taro.reLaunch({ url: '/pages/home/index' })
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
      setErrors(fieldErrors(appError))
      setMessage(appError.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page>
      <Text className="password-hint">
        {afterReset
          ? '管理员已重置您的密码，请输入临时密码并设置新密码。'
          : '修改后，其他设备上的登录将失效。'}
        新密码至少{passwordPolicy.minLength}位，不能是常见密码，也不能与手机号相关。
      </Text>
      <Cell.Group>
        {!user?.phone && (
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
        )}
        <Field error={errors.currentPassword}>
          <Input
            name="currentPassword"
            type="password"
            placeholder={afterReset ? '临时密码' : '当前密码'}
            value={currentPassword}
            onChange={(value: string) => setCurrentPassword(value)}
          />
        </Field>
        <Field error={errors.newPassword}>
          <Input
            name="newPassword"
            type="password"
            placeholder="新密码"
            value={newPassword}
            onChange={(value: string) => setNewPassword(value)}
          />
        </Field>
        <Field error={errors.repeat}>
          <Input
            name="repeat"
            type="password"
            placeholder="再次输入新密码"
            value={repeat}
            onChange={(value: string) => setRepeat(value)}
            onConfirm={() => void submit()}
          />
        </Field>
      </Cell.Group>
      {message && <Text className="password-message">{message}</Text>}
      <View className="password-actions">
        <Button type="primary" size="large" block loading={busy} onClick={() => void submit()}>
          确认修改
        </Button>
      </View>
    </Page>
  )
}

import type { ChangePasswordInput, LoginInput, Session, SmsLoginInput, User } from '@minqing/shared'
import Taro from '@tarojs/taro'
import { randomHex } from '../cases/clientId'
import { sessionStore } from '../session/sessionStore'
import { api } from './client'

async function keep(session: Promise<Session>): Promise<Session> {
  const value = await session
  sessionStore.set(value)
  return value
}

export const loginWithPassword = (input: LoginInput) => keep(api.post<Session>('/auth/login', input, false))

/** Every other session of the account ends; this one continues with the session the server returns. */
export const changePassword = (input: ChangePasswordInput) =>
  keep(api.post<Session>('/auth/password', input, false))

/** WeChat: wx.login gives a one-time code; the server exchanges it for the openid. */
export async function loginWithWechat(): Promise<Session> {
  const { code } = await Taro.login()
  return keep(api.post<Session>('/auth/wechat', { code }, false))
}

const deviceKey = 'minqing.deviceId'

/** H5 residents: a random id made once and kept in the browser stands in for WeChat. */
export function guestDeviceId(): string {
  const existing = Taro.getStorageSync(deviceKey) as string | ''
  if (existing) return existing
  const id = randomHex(24)
  Taro.setStorageSync(deviceKey, id)
  return id
}

export const loginAsGuest = () => keep(api.post<Session>('/auth/guest', { deviceId: guestDeviceId() }, false))

/** H5 without WeChat: a six-digit code by SMS proves the phone (the server's SMS adapter). */
export const smsLoginEnabled = () =>
  api.get<{ enabled: boolean }>('/auth/sms/status').then((body) => body.enabled)
export const requestSmsCode = (phone: string) =>
  api.post<{ retryAfterSeconds: number }>('/auth/sms/code', { phone }, false)
export const loginWithSmsCode = (input: SmsLoginInput) =>
  keep(api.post<Session>('/auth/sms/login', input, false))

export const fetchMe = () => api.get<User>('/me')

export async function logout(): Promise<void> {
  const session = sessionStore.get()
  sessionStore.set(null)
  if (session)
    await api.post('/auth/logout', { refreshToken: session.refreshToken }, false).catch(() => undefined)
}

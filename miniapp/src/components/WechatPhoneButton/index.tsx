import { Button, Text } from '@tarojs/components'
import type { BaseEventOrig } from '@tarojs/components'
import { AppError } from '@minqing/shared'
import { useState } from 'react'
import { api } from '../../api/client'
import './index.css'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * 使用微信手机号 (weapp only): WeChat's getPhoneNumber button gives a one-time code that the
 * server exchanges for the number WeChat verified, so a resident does not type it. WeChat asks
 * for the privacy agreement itself before this button works (onNeedPrivacyAuthorization).
 */
export function WechatPhoneButton({ onPhone }: { onPhone: (phone: string) => void }) {
  const [message, setMessage] = useState<string | null>(null)
  if (!isWeapp) return null
  const handle = (event: BaseEventOrig<{ code?: string; errMsg?: string }>) => {
    const code = event.detail.code
    if (!code) {
      setMessage('未授权获取手机号，可手动填写')
      return
    }
    api
      .post<{ phone: string }>('/me/phone/wechat', { code })
      .then((user) => {
        onPhone(user.phone)
        setMessage('已使用微信绑定的手机号')
      })
      .catch((error: unknown) =>
        setMessage(error instanceof AppError ? error.message : '获取失败，请手动填写'),
      )
  }
  return (
    <>
      <Button className="mq-wechat-phone" size="mini" openType="getPhoneNumber" onGetPhoneNumber={handle}>
        使用微信手机号
      </Button>
      {message && <Text className="mq-wechat-phone-message">{message}</Text>}
    </>
  )
}

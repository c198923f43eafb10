import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { newClientId } from '../../cases/clientId'
import {
  fetchSubscribeTemplates,
  reportSubscription,
  type SubscribeTemplateView,
} from '../../api/subscriptions'
import { Button } from '../../ui/nutui'
import './index.css'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * 订阅办理进度提醒 (weapp only): WeChat sends a subscribe message only after the person allowed
 * it on a tap, one message per allowance. The templates are loaded beforehand because
 * wx.requestSubscribeMessage must be called directly in the tap, with no network wait before it.
 */
export function SubscribeButton({ caseId }: { caseId?: string }) {
  const [templates, setTemplates] = useState<SubscribeTemplateView[]>([])
  const [answer, setAnswer] = useState<string | null>(null)

  useEffect(() => {
    if (!isWeapp) return
    fetchSubscribeTemplates()
      .then((body) => setTemplates(body.templates))
      .catch(() => setTemplates([]))
  }, [])

  if (!isWeapp || templates.length === 0) return null

  const subscribe = () => {
    // entityIds is Alipay's field; Taro's type wants one of the two, weapp takes tmplIds.
    Taro.requestSubscribeMessage({
      tmplIds: templates.map((t) => t.templateId),
      success: (result: Taro.requestSubscribeMessage.SuccessCallbackResult) => {
        const results: Record<string, 'accept' | 'reject' | 'ban' | 'filter'> = {}
        for (const template of templates) {
          const value = (result as unknown as Record<string, string>)[template.templateId]
          if (value === 'accept' || value === 'reject' || value === 'ban' || value === 'filter')
            results[template.templateId] = value
        }
        if (Object.keys(results).length === 0) return
        void reportSubscription({ clientId: newClientId(), ...(caseId ? { caseId } : {}), results })
          .then((body) =>
            setAnswer(
              body.granted.length
                ? '已订阅：有进展时会通过微信通知您一次'
                : '您未订阅，可在“我的消息”中查看进展',
            ),
          )
          .catch(() => setAnswer('订阅结果未能保存，请稍后再试'))
      },
      fail: () => setAnswer('未能打开订阅，请稍后再试'),
    } as unknown as Taro.requestSubscribeMessage.Option)
  }

  return (
    <View className="mq-subscribe">
      <Button className="mq-subscribe-button" size="large" block onClick={subscribe}>
        订阅办理进度提醒
      </Button>
      {answer && <Text className="mq-subscribe-answer">{answer}</Text>}
    </View>
  )
}

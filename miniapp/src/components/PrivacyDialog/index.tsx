import { privacyGuide, privacyPurposes } from '@minqing/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { agreeButtonId, type PrivacyPrompt } from '../../privacy/privacyGate'
import { privacyGate } from '../../privacy/privacy'
import './index.css'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * The privacy agreement dialog, shown when a privacy API is first needed. In weapp the agree
 * button is WeChat's `agreePrivacyAuthorization` button (WeChat checks it was tapped).
 */
export function PrivacyDialog() {
  const [prompt, setPrompt] = useState<PrivacyPrompt | null>(privacyGate.current())
  useEffect(() => privacyGate.subscribe(setPrompt), [])
  if (!prompt) return null
  const reason = prompt.purpose === 'wechat' ? null : privacyPurposes[prompt.purpose]
  return (
    <View className="mq-privacy-mask" role="dialog" aria-modal="true" aria-labelledby="mq-privacy-title">
      <View className="mq-privacy-dialog">
        <Text id="mq-privacy-title" className="mq-privacy-title">
          {privacyGuide.title}
        </Text>
        {reason && <Text className="mq-privacy-reason">本次需要：{reason}</Text>}
        <Text className="mq-privacy-summary">{privacyGuide.summary}</Text>
        <Text
          className="mq-privacy-link"
          onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}
        >
          查看完整的《{privacyGuide.title}》
        </Text>
        <View className="mq-privacy-buttons">
          <Button className="mq-privacy-refuse" onClick={() => privacyGate.decide('disagree')}>
            不同意
          </Button>
          {isWeapp ? (
            <Button
              id={agreeButtonId}
              className="mq-privacy-agree"
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={() => privacyGate.decide('agree')}
            >
              同意并继续
            </Button>
          ) : (
            <Button
              id={agreeButtonId}
              className="mq-privacy-agree"
              onClick={() => privacyGate.decide('agree')}
            >
              同意并继续
            </Button>
          )}
        </View>
      </View>
    </View>
  )
}

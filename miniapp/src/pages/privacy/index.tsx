import { privacyGuide } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Page } from '../../components/Page'
import { privacyGate } from '../../privacy/privacy'
import { Button } from '../../ui/nutui'
import './index.css'

/** The full privacy guide, reachable from 我的 and from the dialog; agree or withdraw here. */
export default function PrivacyGuidePage() {
  const [agreed, setAgreed] = useState(privacyGate.agreed())
  return (
    <Page className="privacy-page">
      <Text className="privacy-title">{privacyGuide.title}</Text>
      <Text className="privacy-version">版本 {privacyGuide.version}</Text>
      {privacyGuide.sections.map((section) => (
        <View key={section.heading} className="privacy-section">
          <Text className="privacy-heading">{section.heading}</Text>
          {section.items.map((item) => (
            <Text key={item} className="privacy-item">
              {item}
            </Text>
          ))}
        </View>
      ))}
      <View className="privacy-state">
        <Text>
          {agreed ? '您已同意本指引。' : '您尚未同意本指引，需要位置、照片的功能会先征求您的同意。'}
        </Text>
        {agreed ? (
          <Button
            size="large"
            block
            onClick={() => {
              privacyGate.withdraw()
              setAgreed(false)
              void Taro.showToast({ title: '已撤回同意', icon: 'none' })
            }}
          >
            撤回同意
          </Button>
        ) : (
          <Button
            size="large"
            block
            type="primary"
            onClick={() => {
              privacyGate.decide('agree')
              setAgreed(true)
            }}
          >
            同意
          </Button>
        )}
      </View>
    </Page>
  )
}

import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useElderMode } from '../../elder/elderMode'
import { PrivacyDialog } from '../PrivacyDialog'
import '../../ui/tokens.css'
import '../../elder/elder.css'
import './index.css'

/**
 * Every page's root: applies elder mode (larger type, higher contrast) in one place, and hosts
 * the privacy agreement dialog that any page's privacy API may need.
 */
export function Page({ children, className }: PropsWithChildren<{ className?: string }>) {
  const [elder] = useElderMode()
  return (
    <View className={['mq-page', elder ? 'mq-elder' : '', className ?? ''].join(' ').trim()}>
      {children}
      <PrivacyDialog />
    </View>
  )
}

import type { SettingSource as Source } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '../../../ui/nutui'

/**
 * Where a setting comes from. A district admin sees 本区县设置 (their own, with 恢复市级设置) or
 * 沿用市级设置; a city-level admin edits the default that districts without their own inherit.
 */
export function SettingSource(props: {
  appliesTo: Source
  source: Source
  what: string
  /** What makes the setting the district's own, where the page can edit it. */
  hint?: string
  onReset: () => Promise<unknown>
}) {
  if (props.appliesTo === 'city')
    return <Text className="console-note setting-source">市级默认设置：未单独设置的区县沿用</Text>
  const reset = async () => {
    const { confirm } = await Taro.showModal({
      title: '恢复市级设置',
      content: `删除本区县的${props.what}，改为沿用市级设置？新计算的期限按市级设置。`,
      confirmText: '恢复',
    })
    if (confirm) await props.onReset()
  }
  return (
    <View className="setting-source">
      <Text className={`setting-source-tag setting-source-${props.source}`}>
        {props.source === 'tenant' ? '本区县设置' : '沿用市级设置'}
      </Text>
      {props.source === 'city' && props.hint && <Text className="console-note">{props.hint}</Text>}
      {props.source === 'tenant' && (
        <Button size="small" className="setting-source-reset" onClick={() => void reset()}>
          恢复市级设置
        </Button>
      )}
    </View>
  )
}

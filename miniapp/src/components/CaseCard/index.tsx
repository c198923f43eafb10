import { caseKindLabels } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CaseView } from '../../api/cases'
import { formatTimeLeft } from '../../cases/format'
import { Tag } from '../../ui/nutui'

/** One case in a list: title, status, and how much time is left (overdue in red). */
export function CaseCard({ item }: { item: CaseView }) {
  const state = item.timeState?.state
  return (
    <View
      className="case-card"
      onClick={() => void Taro.navigateTo({ url: `/pages/cases/detail/index?id=${item.id}` })}
    >
      <Text className="case-card-title">{item.title}</Text>
      <Text className="case-card-meta">
        {item.number} · {caseKindLabels[item.kind]} ·{' '}
        <Text className="case-card-status">{item.statusLabel}</Text>
      </Text>
      {item.timeState && (
        <Text className={`case-card-meta case-state-${state}`}>{formatTimeLeft(item.timeState)}</Text>
      )}
      {item.supervisionFlag && <Tag type="danger">督办</Tag>}
    </View>
  )
}

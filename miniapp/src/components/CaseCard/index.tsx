import { caseKindLabels } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CaseView } from '../../api/cases'
import { caseStatusTones } from '../../ui/statusTone'
import { DeadlineChip } from '../DeadlineChip'
import { StatusTag } from '../StatusTag'
import { Tag } from '../../ui/nutui'
import './index.css'

/** One case in a list: title, status, and which deadline runs and how much time is left. */
export function CaseCard({ item }: { item: CaseView }) {
  return (
    <View
      className="case-card"
      onClick={() => void Taro.navigateTo({ url: `/pages/cases/detail/index?id=${item.id}` })}
    >
      <Text className="case-card-title">{item.title}</Text>
      <Text className="case-card-meta">
        {item.number} · {caseKindLabels[item.kind]}
      </Text>
      <View className="case-card-tags">
        <StatusTag tone={caseStatusTones[item.status]}>{item.statusLabel}</StatusTag>
        <DeadlineChip deadlines={item.deadlines} time={item.timeState} />
        {item.supervisionFlag && <Tag type="danger">督办</Tag>}
      </View>
    </View>
  )
}

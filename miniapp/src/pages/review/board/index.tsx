import { AppError } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { fetchBoard } from '../../../api/review'
import { CaseCard } from '../../../components/CaseCard'
import { Page } from '../../../components/Page'
import { Empty } from '../../../ui/nutui'
import '../review.css'

const lanes = [
  { key: 'flagged', title: '挂牌督办' },
  { key: 'overdue', title: '已超期' },
  { key: 'warning', title: '即将超期' },
] as const

/** The supervision board: flagged, overdue and warning cases; tapping opens the case to act on it. */
export default function BoardPage() {
  const [board, setBoard] = useState<Awaited<ReturnType<typeof fetchBoard>> | null>(null)
  const [message, setMessage] = useState('')
  useDidShow(() => {
    fetchBoard()
      .then(setBoard)
      .catch((error: unknown) => setMessage(error instanceof AppError ? error.message : '加载失败'))
  })
  return (
    <Page>
      {lanes.map((lane) => (
        <View key={lane.key} className={`review-card board-${lane.key}`}>
          <Text className="review-title">
            {lane.title}（{board?.[lane.key].length ?? 0}）
          </Text>
          {board?.[lane.key].map((item) => (
            <CaseCard key={item.id} item={item} />
          ))}
          {board && board[lane.key].length === 0 && <Empty description="无" />}
        </View>
      ))}
      {/* 整改台账 problems past their deadline supervise like overdue cases (issue 16). */}
      <View className="review-card board-rectification">
        <Text className="review-title">整改超期（{board?.rectification.length ?? 0}）</Text>
        {board?.rectification.map((problem) => (
          <View
            key={problem.id}
            className="review-row"
            onClick={() =>
              void Taro.navigateTo({
                url: `/pages/registry/problem/index?id=${problem.id}&list=${problem.listId}`,
              })
            }
          >
            <Text>
              问题{problem.no}：{problem.description}
            </Text>
            <Text className="review-definition">
              {problem.responsibleLeaderName} · {problem.leadUnitName} · 时限 {problem.deadline}
            </Text>
          </View>
        ))}
        {board && board.rectification.length === 0 && <Empty description="无" />}
      </View>
      {message && <Text className="review-message">{message}</Text>}
    </Page>
  )
}

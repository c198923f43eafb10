import { AppError, chinaDate } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { fetchBoard } from '../../../api/review'
import { CaseCard } from '../../../components/CaseCard'
import { ConsoleShell } from '../../../components/ConsoleShell'
import '../review.css'

const lanes = [
  { key: 'flagged', title: '挂牌督办', empty: '目前没有挂牌督办的诉求' },
  { key: 'overdue', title: '已超期', empty: '没有超过办理时限的诉求' },
  { key: 'warning', title: '即将超期', empty: '没有即将到期的诉求' },
] as const

/** Whole days past a deadline ("2026-11-22"), counted on China's calendar. */
const daysOverdue = (deadline: string) =>
  Math.max(0, dayjs(chinaDate(new Date()).format('YYYY-MM-DD')).diff(dayjs(deadline), 'day'))

/** "11月22日" from "2026-11-22". */
const shortDate = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

/**
 * The supervision board: flagged, overdue and warning cases, and overdue rectification problems;
 * tapping opens the case or the problem to act on it. A console page: the sidebar stays.
 */
export default function BoardPage() {
  const [board, setBoard] = useState<Awaited<ReturnType<typeof fetchBoard>> | null>(null)
  const [message, setMessage] = useState('')
  useDidShow(() => {
    fetchBoard()
      .then(setBoard)
      .catch((error: unknown) => setMessage(error instanceof AppError ? error.message : '加载失败'))
  })
  return (
    <ConsoleShell page="board" title="督办看板">
      {lanes.map((lane) => (
        <View key={lane.key} className={`review-card board-${lane.key}`}>
          <Text className="review-title">
            {lane.title}（{board?.[lane.key].length ?? 0} 件）
          </Text>
          {board?.[lane.key].map((item) => (
            <CaseCard key={item.id} item={item} />
          ))}
          {/* An empty lane is one line, so a leader reaches the lanes that hold work without scrolling. */}
          {board && board[lane.key].length === 0 && <Text className="board-empty">{lane.empty}</Text>}
        </View>
      ))}
      {/* 整改台账 problems past their deadline supervise like overdue cases (issue 16). */}
      <View className="review-card board-rectification">
        <Text className="review-title">整改超期（{board?.rectification.length ?? 0} 个问题）</Text>
        {board?.rectification.map((problem) => (
          <View
            key={problem.id}
            className="review-row board-problem"
            role="button"
            onClick={() =>
              void Taro.navigateTo({
                url: `/pages/registry/problem/index?id=${problem.id}&list=${problem.listId}`,
              })
            }
          >
            <Text className="board-problem-title">
              问题{problem.no}：{problem.description}
            </Text>
            <Text className="board-problem-meta">
              责任领导 {problem.responsibleLeaderName} · 牵头 {problem.leadUnitName}
            </Text>
            <Text className="board-problem-overdue">
              时限 {shortDate(problem.deadline)}，超期 {daysOverdue(problem.deadline)} 天
            </Text>
          </View>
        ))}
        {board && board.rectification.length === 0 && (
          <Text className="board-empty">没有超过整改时限的问题</Text>
        )}
      </View>
      {message && <Text className="review-message">{message}</Text>}
    </ConsoleShell>
  )
}

import { positionLevelLabels, type PositionLevel } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import {
  fetchCampaigns,
  fetchProgress,
  type Campaign,
  type MetricProgress,
  type ProgressRow,
} from '../../../api/visits'
import { Chips } from '../../../components/Chips'
import { Page } from '../../../components/Page'
import { useCurrentUser } from '../../../session/useSession'
import { CircleProgress, Empty, Progress } from '../../../ui/nutui'
import { cachedFetch } from '../../../visits/referenceCache'
import '../visits.css'

const metrics = [
  { key: 'households', label: '走访户数' },
  { key: 'researchDays', label: '调研天数' },
  { key: 'problemsResolved', label: '解决问题' },
] as const

function Ring({ label, metric }: { label: string; metric: MetricProgress }) {
  return (
    <View className="visit-ring">
      <CircleProgress
        percent={Math.round(metric.ratio * 100)}
        radius={50}
        strokeWidth={8}
        color={metric.met ? '#389e0d' : '#c8161d'}
      >
        <Text className="visit-ring-value">
          {metric.done}/{metric.quota}
        </Text>
      </CircleProgress>
      <Text className="visit-hint">{label}</Text>
    </View>
  )
}

/** My progress against the campaign's quota (rings); for leaders, the unit's table, the behind first. */
export default function VisitProgressPage() {
  const user = useCurrentUser()
  const [campaigns, setCampaigns] = useState<Campaign[]>([])
  const [campaignId, setCampaignId] = useState<string | null>(null)
  const [rows, setRows] = useState<ProgressRow[]>([])
  const [elapsed, setElapsed] = useState(0)
  const [message, setMessage] = useState('')

  async function load(id: string) {
    setCampaignId(id)
    const progress = await cachedFetch(
      `progress.${id}`,
      () => fetchProgress(id),
      (value) => {
        setRows(value.rows)
        setElapsed(value.elapsedShare)
      },
    )
    if (!progress) setMessage('离线且无缓存，联网后查看')
  }

  useDidShow(() => {
    void cachedFetch('campaigns', fetchCampaigns).then((items) => {
      setCampaigns(items ?? [])
      const first = campaignId ?? items?.[0]?.id
      if (first) void load(first)
    })
  })

  const mine = rows.find((row) => row.userId === user?.id)
  const others = [...rows].sort(
    (a, b) => Number(b.behind) - Number(a.behind) || a.households.ratio - b.households.ratio,
  )
  return (
    <Page>
      {campaigns.length === 0 && <Empty description="暂无进行中的走访活动" />}
      {campaigns.length > 1 && (
        <Chips
          items={campaigns.map((item) => ({ value: item.id, label: item.name }))}
          value={campaignId}
          onChange={(id) => void load(id)}
        />
      )}
      {campaigns.length > 0 && (
        <View className="visit-sync-bar">
          <Text className="visit-hint">活动时间已过 {Math.round(elapsed * 100)}%</Text>
          <Progress percent={Math.round(elapsed * 100)} />
        </View>
      )}
      {mine && (
        <View className={`visit-card visit-my-progress ${mine.behind ? 'visit-row-behind' : ''}`}>
          <Text className="visit-card-title">
            我的进度（{positionLevelLabels[mine.positionLevel as PositionLevel] ?? mine.positionLevel}）
            {mine.behind ? ' · 进度落后' : ''}
          </Text>
          <View className="visit-rings">
            {metrics.map((metric) => (
              <Ring key={metric.key} label={metric.label} metric={mine[metric.key]} />
            ))}
          </View>
          {mine.ownership.share !== null && (
            <Text className="visit-hint">
              包案 {mine.ownership.owned} 件，带案下访 {mine.ownership.followedUp} 件（
              {Math.round(mine.ownership.share * 100)}%，目标≥30%）
            </Text>
          )}
        </View>
      )}
      {user && user.role !== 'staff' && rows.length > 0 && (
        <View className="visit-card visit-unit-table">
          <Text className="visit-card-title">本单位完成情况</Text>
          <View className="visit-table-row">
            <Text>姓名</Text>
            <Text>户数</Text>
            <Text>天数</Text>
            <Text>问题</Text>
          </View>
          {others.map((row) => (
            <View key={row.userId} className={`visit-table-row ${row.behind ? 'visit-row-behind' : ''}`}>
              <Text>
                {row.name}
                {row.behind ? '（落后）' : ''}
              </Text>
              <Text>
                {row.households.done}/{row.households.quota}
              </Text>
              <Text>
                {row.researchDays.done}/{row.researchDays.quota}
              </Text>
              <Text>
                {row.problemsResolved.done}/{row.problemsResolved.quota}
              </Text>
            </View>
          ))}
        </View>
      )}
      {message && <Text className="visit-message">{message}</Text>}
    </Page>
  )
}

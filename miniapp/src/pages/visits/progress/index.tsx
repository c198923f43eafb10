import { positionLevelLabels, quotaMetricLabels, quotaMetrics, type PositionLevel } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { fetchCampaignProgress, type QuotaRow, type UnitReceptions } from '../../../api/campaigns'
import { fetchCampaigns, type Campaign, type MetricProgress } from '../../../api/visits'
import { Chips } from '../../../components/Chips'
import { Page } from '../../../components/Page'
import { useCurrentUser } from '../../../session/useSession'
import { Button, CircleProgress, Empty, Progress } from '../../../ui/nutui'
import { cachedFetch } from '../../../visits/referenceCache'
import '../visits.css'

/** The table's columns on a phone: the seed's main figures (all of them show as rings above). */
const tableMetrics = ['households', 'researchDays', 'receptions', 'problemsResolved'] as const

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
  const [rows, setRows] = useState<QuotaRow[]>([])
  const [units, setUnits] = useState<UnitReceptions[]>([])
  const [elapsed, setElapsed] = useState(0)
  const [message, setMessage] = useState('')

  async function load(id: string) {
    setCampaignId(id)
    const progress = await cachedFetch(
      `progress.${id}`,
      () => fetchCampaignProgress(id),
      (value) => {
        setRows(value.rows)
        setUnits(value.units ?? [])
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
            {quotaMetrics
              .filter((metric) => mine[metric] && (mine[metric].quota > 0 || mine[metric].done > 0))
              .map((metric) => (
                <Ring key={metric} label={quotaMetricLabels[metric]} metric={mine[metric]} />
              ))}
          </View>
          {mine.behindOn?.length > 0 && (
            <Text className="visit-hint">
              落后于进度：{mine.behindOn.map((metric) => quotaMetricLabels[metric]).join('、')}
            </Text>
          )}
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
          <Text className="visit-hint">每格为“已完成/指标”，落后于活动进度的排在前面</Text>
          <View className="visit-table-row">
            <Text className="visit-table-name">姓名</Text>
            <Text>走访户</Text>
            <Text>调研天</Text>
            <Text>接访次</Text>
            <Text>解决个</Text>
          </View>
          {others.map((row) => (
            <View key={row.userId} className={`visit-table-row ${row.behind ? 'visit-row-behind' : ''}`}>
              <View className="visit-table-name">
                <Text>{row.name}</Text>
                {row.behind && <Text className="visit-behind-tag">进度落后</Text>}
              </View>
              {tableMetrics.map((metric) => (
                <Text key={metric}>
                  {row[metric]?.done ?? 0}/{row[metric]?.quota ?? 0}
                </Text>
              ))}
            </View>
          ))}
        </View>
      )}
      {units.length > 0 && (
        <View className="visit-card">
          <Text className="visit-card-title">每周接访（每个单位每周至少1次）</Text>
          {units.map((unit) => (
            <Text key={unit.unitId} className={`visit-hint ${unit.missedWeeks ? 'visit-row-behind' : ''}`}>
              {unit.name}：已过 {unit.weeks.length} 周，
              {unit.missedWeeks ? `有 ${unit.missedWeeks} 周没有接访` : '每周都有接访'}
            </Text>
          ))}
        </View>
      )}
      {message && <Text className="visit-message">{message}</Text>}
      {campaigns.length > 0 && (
        <View className="visit-actions">
          <Button block onClick={() => void Taro.navigateTo({ url: '/pages/visits/activity/index' })}>
            记录宣讲、座谈会等活动
          </Button>
        </View>
      )}
    </Page>
  )
}

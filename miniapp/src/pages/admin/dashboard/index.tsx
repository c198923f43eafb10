import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { fetchBrief, fetchCalendarStatus, fetchVisitFigures, fetchWorkload } from '../../../api/admin'
import { fetchRates, type RateRow } from '../../../api/review'
import { useLoader } from '../../../admin/useLoader'
import { BarChart, type BarDatum } from '../../../components/BarChart'
import { CalendarWarningText } from '../../../components/CalendarWarning'
import { PeriodChips } from '../../../components/PeriodChips'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { DataTable } from '../../../components/DataTable'
import { RankingList } from '../../../components/RankingList'
import { percent, periodDays, type PeriodKey } from '../../../review/period'

const hours = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${value} 小时`
const rateSeries = [
  { key: 'responseRate', label: '响应率' },
  { key: 'resolutionRate', label: '按时办结率' },
  { key: 'satisfactionRate', label: '满意率' },
] as const

/**
 * The dashboard: the period's key figures, the three rates per unit as a chart and a table (with
 * what each unit holds open and overdue now, hand-offs and median times), the ranking with its
 * red and black lists, and the visits made. Every figure has its definition beside it.
 */
export default function DashboardPage() {
  const [period, setPeriod] = useState<PeriodKey>('thisMonth')
  const { from, to } = periodDays(period)
  const { data, message } = useLoader(async () => {
    const [brief, rates, workload, visits, calendar] = await Promise.all([
      fetchBrief(from, to),
      fetchRates(from, to, 'unit'),
      fetchWorkload(),
      fetchVisitFigures(from, to),
      fetchCalendarStatus(),
    ])
    return { brief, rates, workload, visits, calendar }
  }, [from, to])
  const chartData = useMemo<BarDatum[]>(
    () =>
      (data?.rates.rows ?? []).slice(0, 8).flatMap((row) =>
        rateSeries
          .filter((series) => row[series.key] !== null)
          .map((series) => ({
            label: row.name,
            series: series.label,
            value: Math.round((row[series.key] as number) * 1000) / 10,
          })),
      ),
    [data],
  )
  const now = new Map((data?.workload.rows ?? []).map((row) => [row.unitId, row]))
  const totals = data?.brief.totals

  return (
    <ConsoleShell page="dashboard" title="统计看板">
      <PeriodChips value={period} onChange={setPeriod} />
      {/* Everything below arrives at once with its data: cards that appeared one by one pushed
          each other down the page (Lighthouse measured a layout shift of 0.65). */}
      {!data && <Text className="console-note dashboard-loading">正在加载统计数据…</Text>}
      {data && <CalendarWarningText warning={data.calendar.warning ?? null} />}
      {totals && (
        <View className="console-tiles">
          {[
            // Cases filed, the district's intake queue included (received counts units' receipts).
            { label: '新增诉求', value: String(totals.submitted) },
            { label: '当前在办', value: String(data.workload.rows.reduce((sum, row) => sum + row.open, 0)) },
            {
              label: '当前超期',
              value: String(data.workload.rows.reduce((sum, row) => sum + row.overdue, 0)),
            },
            { label: '响应率', value: percent(totals.responseRate) },
            { label: '签收率', value: percent(totals.signForRate) },
            { label: '办结率', value: percent(totals.completionRate) },
            { label: '按时办结率', value: percent(totals.resolutionRate) },
            { label: '满意率', value: percent(totals.satisfactionRate) },
            { label: '超期（期内）', value: String(totals.overdueTotal) },
            { label: '待签收（时限内）', value: String(totals.pending.signForPending) },
            { label: '办理中（时限内）', value: String(totals.pending.answerPending) },
            { label: '待评价', value: String(totals.pending.ratingPending) },
            { label: '签收用时中位数', value: hours(totals.medianAcceptHours) },
            { label: '办结用时中位数', value: hours(totals.medianResolveHours) },
          ].map((tile) => (
            <View key={tile.label} className="console-tile">
              <Text className="console-tile-value">{tile.value}</Text>
              <Text className="console-tile-label">{tile.label}</Text>
            </View>
          ))}
        </View>
      )}
      {data && (
        <>
          <View className="review-card dashboard-chart">
            <Text className="review-title">各单位三率（%）</Text>
            {chartData.length > 0 ? (
              <BarChart
                id="dashboard-rates"
                data={chartData}
                summary={(data?.rates.rows ?? [])
                  .slice(0, 8)
                  .map(
                    (row) =>
                      `${row.name}：响应率${percent(row.responseRate)}，按时办结率${percent(row.resolutionRate)}，满意率${percent(row.satisfactionRate)}`,
                  )
                  .join('；')}
              />
            ) : (
              <Text className="console-note">本期暂无数据</Text>
            )}
          </View>
          <View className="review-card">
            <Text className="review-title">各单位办理情况</Text>
            <DataTable<RateRow>
              rows={data?.rates.rows ?? []}
              rowKey={(row) => row.key}
              columns={[
                { key: 'name', title: '单位', grow: 2, render: (row) => row.name },
                { key: 'received', title: '收到', render: (row) => row.counts.received },
                { key: 'pendingSign', title: '待签收', render: (row) => row.pending.signForPending },
                { key: 'pendingAnswer', title: '办理中', render: (row) => row.pending.answerPending },
                { key: 'open', title: '在办', render: (row) => now.get(row.key)?.open ?? 0 },
                { key: 'overdue', title: '超期', render: (row) => now.get(row.key)?.overdue ?? 0 },
                { key: 'transferred', title: '移交', render: (row) => row.counts.transferredOut },
                { key: 'returned', title: '退回', render: (row) => row.counts.returned },
                { key: 'reopened', title: '重办', render: (row) => row.counts.reopened },
                { key: 'accept', title: '签收中位', render: (row) => hours(row.medianAcceptHours) },
                { key: 'resolve', title: '办结中位', render: (row) => hours(row.medianResolveHours) },
                { key: 'response', title: '响应率', render: (row) => percent(row.responseRate) },
                { key: 'signFor', title: '签收率', render: (row) => percent(row.signForRate) },
                { key: 'completion', title: '办结率', render: (row) => percent(row.completionRate) },
                { key: 'resolution', title: '按时办结率', render: (row) => percent(row.resolutionRate) },
                { key: 'satisfaction', title: '满意率', render: (row) => percent(row.satisfactionRate) },
              ]}
            />
            {Object.values(data?.rates.definitions ?? {}).map((definition) => (
              <Text key={definition} className="review-definition">
                {definition}
              </Text>
            ))}
            <Text className="review-definition">
              在办、超期、待签收、办理中为当前数（不随统计期变化）；其余为统计期内发生数。仍在时限内的诉求单列，不计入各率的分母。
            </Text>
          </View>
          {data && <RankingList ranking={data.brief.ranking} />}
          {data && (
            <View className="console-tiles">
              {[
                { label: '出动人次', value: data.brief.campaign.turnouts },
                { label: '走访户数', value: data.brief.campaign.households },
                { label: '收集问题', value: data.brief.campaign.problemsCollected },
                { label: '解决问题', value: data.brief.campaign.problemsSolved },
                { label: '结对帮扶', value: data.brief.campaign.pairs },
              ].map((tile) => (
                <View key={tile.label} className="console-tile">
                  <Text className="console-tile-value">{tile.value}</Text>
                  <Text className="console-tile-label">{tile.label}</Text>
                </View>
              ))}
            </View>
          )}
          <View className="review-card">
            <Text className="review-title">走访情况（{data?.visits.visits ?? 0} 次）</Text>
            <DataTable
              rows={data?.visits.staff ?? []}
              rowKey={(row) => row.userId}
              columns={[
                { key: 'name', title: '走访人', grow: 2, render: (row) => row.name ?? '—' },
                { key: 'unit', title: '单位', grow: 2, render: (row) => row.unitName ?? '—' },
                { key: 'visits', title: '走访次数', render: (row) => row.visits },
                { key: 'households', title: '走访户数', render: (row) => row.households },
                { key: 'days', title: '在岗天数', render: (row) => row.fieldDays },
              ]}
            />
            <Text className="review-title dashboard-tags-title">按户籍标签统计（户）</Text>
            <View className="console-toolbar">
              {(data?.visits.tags ?? []).map((tag) => (
                <Text key={tag.tag} className="mq-chip">
                  {tag.label} {tag.households}
                </Text>
              ))}
            </View>
            <Text
              className="console-link"
              onClick={() => void Taro.navigateTo({ url: '/pages/visits/progress/index' })}
            >
              查看走访活动指标完成情况 →
            </Text>
          </View>
        </>
      )}
      {message && <Text className="review-message">{message}</Text>}
    </ConsoleShell>
  )
}

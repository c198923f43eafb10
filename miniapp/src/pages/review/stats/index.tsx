import { AppError } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { latestCall } from '../../../api/latestCall'
import { fetchRanking, fetchRates, type Ranking, type RateRow } from '../../../api/review'
import { Chips } from '../../../components/Chips'
import { Page } from '../../../components/Page'
import { PeriodChips } from '../../../components/PeriodChips'
import { RankingList } from '../../../components/RankingList'
import { percent, periodDays, type PeriodKey } from '../../../review/period'
import { Empty } from '../../../ui/nutui'
import '../review.css'

/**
 * The three rates per unit or category for a period, each with its definition, and the units'
 * ranking with the red and black lists. The admin console's dashboard adds charts and more figures.
 */
export default function StatsPage() {
  const [period, setPeriod] = useState<PeriodKey>('thisMonth')
  const [groupBy, setGroupBy] = useState<'unit' | 'category'>('unit')
  const [rates, setRates] = useState<RateRow[]>([])
  const [definitions, setDefinitions] = useState<Record<string, string>>({})
  const [ranking, setRanking] = useState<Ranking | null>(null)
  const [message, setMessage] = useState('')

  // A chip tapped while the previous figures are on their way: the older answer must not win.
  const gate = useRef(latestCall()).current

  async function load() {
    const { from, to } = periodDays(period)
    const isLatest = gate.begin()
    try {
      const [report, ranked] = await Promise.all([fetchRates(from, to, groupBy), fetchRanking(from, to)])
      if (!isLatest()) return
      setRates(report.rows)
      setDefinitions(report.definitions)
      setRanking(ranked)
      setMessage('')
    } catch (error) {
      if (isLatest()) setMessage(error instanceof AppError ? error.message : '加载失败')
    }
  }
  useDidShow(() => void load())
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the filters trigger a reload
  useEffect(() => void load(), [period, groupBy])

  return (
    <Page>
      <PeriodChips className="review-periods" value={period} onChange={setPeriod} />
      <Chips
        items={[
          { value: 'unit', label: '按单位' },
          { value: 'category', label: '按分类' },
        ]}
        value={groupBy}
        onChange={(value) => setGroupBy(value as 'unit' | 'category')}
      />
      <View className="review-card review-rates">
        <Text className="review-title">三率</Text>
        <View className="review-row">
          <Text>{groupBy === 'unit' ? '单位' : '分类'}</Text>
          <Text>响应率</Text>
          <Text>按时办结率</Text>
          <Text>满意率</Text>
          <Text>待签收</Text>
        </View>
        {rates.map((row) => (
          <View key={row.key} className="review-row">
            <Text>
              {row.name}（{row.counts.received}件）
            </Text>
            <Text>{percent(row.responseRate)}</Text>
            <Text>{percent(row.resolutionRate)}</Text>
            <Text>{percent(row.satisfactionRate)}</Text>
            <Text>{row.pending.signForPending}</Text>
          </View>
        ))}
        {rates.length === 0 && <Empty description="本期暂无数据" />}
        {Object.values(definitions).map((definition) => (
          <Text key={definition} className="review-definition">
            {definition}
          </Text>
        ))}
      </View>
      {ranking && <RankingList ranking={ranking} />}
      {message && <Text className="review-message">{message}</Text>}
    </Page>
  )
}

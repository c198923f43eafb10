import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { fetchBrief } from '../../../api/admin'
import { formatChinaTime } from '../../../cases/format'
import { useLoader } from '../../../admin/useLoader'
import { PeriodChips } from '../../../components/PeriodChips'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { DataTable } from '../../../components/DataTable'
import { RankingList } from '../../../components/RankingList'
import { percent, periodDays, type PeriodKey } from '../../../review/period'
import { Button } from '../../../ui/nutui'
import './index.css'

/**
 * The period's brief (简报) as a printable page: key figures, the ranking with the red and black
 * lists, follow-up results, and the cases escalated after a chase, listed for public criticism.
 * In H5 "打印" opens the browser's print dialog (the menu is left out of the printout).
 */
export default function BriefPage() {
  const [period, setPeriod] = useState<PeriodKey>('lastMonth')
  const { from, to } = periodDays(period)
  const { data, message } = useLoader(() => fetchBrief(from, to), [from, to])
  const totals = data?.totals

  return (
    <ConsoleShell page="brief" title="民情工作简报">
      <View className="brief-controls">
        <PeriodChips value={period} onChange={setPeriod} />
        {process.env.TARO_ENV === 'h5' && (
          <Button size="small" type="primary" onClick={() => window.print()}>
            打印
          </Button>
        )}
      </View>
      {data && totals && (
        <View className="brief-sheet">
          <Text className="brief-heading">
            民情工作简报（{from} 至 {to}）
          </Text>
          <Text className="brief-paragraph">
            本期新增群众诉求 {totals.submitted} 件，各单位收件 {totals.received} 件，签收 {totals.accepted}{' '}
            件，办结 {totals.resolved} 件， 超期 {totals.overdueTotal} 件，移交 {totals.transferredOut}{' '}
            件，退回 {totals.returned} 件，重新办理 {totals.reopened} 件。响应率{' '}
            {percent(totals.responseRate)}，签收率 {percent(totals.signForRate)}， 办结率{' '}
            {percent(totals.completionRate)}，按时办结率 {percent(totals.resolutionRate)}，满意率{' '}
            {percent(totals.satisfactionRate)}；签收用时中位数 {totals.medianAcceptHours ?? '—'}{' '}
            小时，办结用时中位数 {totals.medianResolveHours ?? '—'} 小时。目前仍在时限内、未计入各率的：待签收{' '}
            {totals.pending.signForPending} 件，办理中 {totals.pending.answerPending} 件，待评价{' '}
            {totals.pending.ratingPending} 件。
          </Text>
          <Text className="brief-paragraph">
            走访活动：出动 {data.campaign.turnouts} 人次，走访 {data.campaign.households} 户，收集问题{' '}
            {data.campaign.problemsCollected} 个，解决问题 {data.campaign.problemsSolved} 个，结对帮扶{' '}
            {data.campaign.pairs} 对（{data.campaign.pairedHouseholds} 户）。
          </Text>
          <Text className="brief-paragraph">
            回头看：抽取回访 {data.followUp.sampled} 件，已答复 {data.followUp.answered} 件，确认解决{' '}
            {data.followUp.solved} 件，回访满意率 {percent(data.followUp.followUpRate)}。
          </Text>
          <RankingList ranking={data.ranking} />
          <Text className="brief-subheading">通报批评（升级督办）</Text>
          <DataTable
            rows={data.publicCriticism}
            rowKey={(row) => row.caseId}
            empty="本期无升级督办案件"
            columns={[
              { key: 'number', title: '编号', render: (row) => row.number },
              { key: 'title', title: '诉求', grow: 3, render: (row) => row.title },
              { key: 'unit', title: '责任单位', grow: 1.5, render: (row) => row.unitName ?? '—' },
              { key: 'at', title: '升级时间', grow: 1.5, render: (row) => formatChinaTime(row.escalatedAt) },
            ]}
          />
          {Object.values(data.definitions).map((definition) => (
            <Text key={definition} className="review-definition">
              {definition}
            </Text>
          ))}
          <Text className="review-definition">{data.followUp.definition}</Text>
        </View>
      )}
      {message && <Text className="review-message">{message}</Text>}
    </ConsoleShell>
  )
}

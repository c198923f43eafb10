import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { fetchCampaignReport, fetchDutyGaps } from '../../../api/campaigns'
import { fetchCampaigns } from '../../../api/visits'
import { useLoader } from '../../../admin/useLoader'
import { Chips } from '../../../components/Chips'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { DataTable } from '../../../components/DataTable'
import { Button } from '../../../ui/nutui'
import { DutyRoster } from './DutyRoster'
import './index.css'

/**
 * The campaign report the seeds publish (出动人次, 走访户数, 座谈会, 收集意见建议, 解决问题,
 * 办实事好事) per unit and in total, printable, with the 开门接访 roster gaps still to fill.
 */
export default function CampaignReportPage() {
  const [chosen, setChosen] = useState<string | null>(null)
  const campaigns = useLoader(fetchCampaigns, [])
  const campaignId = chosen ?? campaigns.data?.[0]?.id ?? null
  const report = useLoader(async () => (campaignId ? fetchCampaignReport(campaignId) : null), [campaignId])
  const gaps = useLoader(async () => (campaignId ? fetchDutyGaps(campaignId) : null), [campaignId])
  const data = report.data
  const total = data?.total

  return (
    <ConsoleShell page="campaignReport" title="走访活动报告">
      <View className="brief-controls">
        <Chips
          items={(campaigns.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
          value={campaignId}
          onChange={setChosen}
        />
        {process.env.TARO_ENV === 'h5' && data && (
          <Button className="campaign-print" size="small" type="primary" onClick={() => window.print()}>
            打印
          </Button>
        )}
      </View>
      {campaigns.data && campaigns.data.length === 0 && (
        <Text className="review-message">还没有走访活动</Text>
      )}
      {data && total && (
        <View className="brief-sheet">
          <Text className="brief-heading">{data.name}工作情况</Text>
          <Text className="brief-paragraph">
            {data.startsOn} 至 {data.endsOn}，参加单位共出动 {total.turnouts} 人次，走访群众{' '}
            {total.households} 户，召开座谈会 {total.forums} 场，开展宣讲 {total.talks} 场，收集意见建议{' '}
            {total.opinions} 条，解决问题 {total.solved} 个，办实事好事 {total.goodDeeds} 件。
          </Text>
          <DataTable
            rows={data.units}
            rowKey={(row) => row.unitId}
            empty="没有参加单位"
            columns={[
              { key: 'unit', title: '单位', grow: 2, render: (row) => row.name ?? '—' },
              { key: 'turnouts', title: '出动人次', render: (row) => row.turnouts },
              { key: 'households', title: '走访户数', render: (row) => row.households },
              { key: 'forums', title: '座谈会（场）', render: (row) => row.forums },
              { key: 'talks', title: '宣讲（场）', render: (row) => row.talks },
              { key: 'opinions', title: '收集意见建议（条）', grow: 1.4, render: (row) => row.opinions },
              { key: 'solved', title: '解决问题（个）', render: (row) => row.solved },
              { key: 'goodDeeds', title: '办实事好事（件）', grow: 1.3, render: (row) => row.goodDeeds },
            ]}
          />
          <Text className="brief-subheading">开门接访排班</Text>
          {gaps.data && <DutyRoster coverage={gaps.data} onSaved={gaps.reload} />}
          <Text className="review-definition">
            出动人次：每次走访的每位走访人，加上每场活动的主讲或主持人；收集意见建议：走访中发现的问题、接访登记的诉求和活动中收集的意见之和；解决问题：走访和接访中发现、已办结或销号的问题。
          </Text>
        </View>
      )}
      {(report.message || gaps.message) && (
        <Text className="review-message">{report.message || gaps.message}</Text>
      )}
    </ConsoleShell>
  )
}

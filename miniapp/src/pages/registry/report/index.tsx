import { AppError, rectificationSourceLabels } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { fetchRectificationReport, type RectificationReport } from '../../../api/registry'
import { Page } from '../../../components/Page'
import { Button } from '../../../ui/nutui'
import '../registry.css'

const chineseDigits = '一二三四五六七八九十'

/** The printable report: the headline and each aspect's count, computed by the server from the problems. */
export default function ReportPage() {
  const { id } = useRouter().params
  const [report, setReport] = useState<RectificationReport | null>(null)
  const [message, setMessage] = useState('')
  useDidShow(() => {
    if (id)
      void fetchRectificationReport(id)
        .then(setReport)
        .catch((error: unknown) => setMessage(error instanceof AppError ? error.message : '加载失败'))
  })
  if (!report) return <Page>{message && <Text className="registry-message">{message}</Text>}</Page>
  return (
    <Page className="registry-report">
      <Text className="registry-report-title">
        {report.title.endsWith('整改') ? `${report.title}情况报告` : `${report.title}整改情况报告`}
      </Text>
      <Text className="registry-report-headline">{report.headline}</Text>
      <Text className="registry-meta">
        来源：{rectificationSourceLabels[report.source]} · 截至{' '}
        {dayjs(report.generatedAt).format('YYYY年M月D日')}
        ，逾期未完成 {report.totals.overdue} 个
      </Text>
      {report.aspects.map((aspect) => (
        <View key={aspect.no} className="registry-report-row">
          <Text>
            {chineseDigits[aspect.no - 1] ?? aspect.no}、{aspect.title}
          </Text>
          <Text>
            {aspect.items}项{aspect.problems}个问题，已完成{aspect.closed}个
            {aspect.overdue ? `，逾期${aspect.overdue}个` : ''}
          </Text>
        </View>
      ))}
      <View className="registry-actions">
        <Button
          type="primary"
          className="report-print"
          onClick={() => {
            if (process.env.TARO_ENV === 'h5') window.print()
          }}
        >
          打印
        </Button>
      </View>
    </Page>
  )
}

import type { Unit } from '@minqing/shared'
import { Picker, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import { fetchUnits } from '../../../api/cases'
import { downloadLedger, type DownloadProgress } from '../../../admin/downloadLedger'
import { messageOf, useLoader } from '../../../admin/useLoader'
import { visitLedgerPath, unitsForLedger } from '../../../admin/visitLedger'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { ExportProgress } from '../../../components/ExportProgress'
import { DatePick } from '../../../components/DatePick'
import { useCurrentUser } from '../../../session/useSession'
import { Button } from '../../../ui/nutui'
import '../cases/index.css'
import './index.css'

/**
 * 走访台账: a leader (or the dispatch centre) downloads every visit of a period and unit as an
 * Excel or CSV file, to hand in or to check the grid's work. Leaders are offered their own
 * unit and the units below it only (the server refuses any other).
 */
export default function VisitLedgerPage() {
  const user = useCurrentUser()
  const [from, setFrom] = useState(dayjs().startOf('month').format('YYYY-MM-DD'))
  const [to, setTo] = useState(dayjs().format('YYYY-MM-DD'))
  const [unitId, setUnitId] = useState<string | undefined>(undefined)
  const [progress, setProgress] = useState<DownloadProgress | null>(null)
  const [exported, setExported] = useState('')
  const { data, message, setMessage } = useLoader(() => fetchUnits(), [])
  const units: Unit[] = user ? unitsForLedger(data ?? [], user) : []
  const everything = user?.role === 'admin' ? '全部单位' : '本单位及下级'

  async function download(format: 'xlsx' | 'csv') {
    setMessage('')
    setExported('')
    if (from > to) {
      setMessage('开始日期须早于结束日期')
      return
    }
    setProgress({ received: 0, totalRows: null, share: 0 })
    try {
      const result = await downloadLedger(visitLedgerPath(format, { from, to, unitId }), setProgress)
      setExported(`已导出 ${result.filename}${result.rows === null ? '' : `（${result.rows} 条走访）`}`)
    } catch (error) {
      setMessage(messageOf(error))
      setProgress(null)
    }
  }

  return (
    <ConsoleShell page="visitLedger" title="走访台账导出">
      <Text className="console-note visit-ledger-intro">
        选择时间段和单位，导出该范围内的全部走访记录（按走访日期），可直接报送或存档。
      </Text>
      <View className="console-form visit-ledger-form">
        <DatePick label="自" value={from} end={to} onChange={setFrom} />
        <DatePick label="至" value={to} start={from} onChange={setTo} />
        <Picker
          mode="selector"
          range={[everything, ...units.map((unit) => unit.name)]}
          onChange={(event) => setUnitId(units[Number(event.detail.value) - 1]?.id)}
        >
          <Text className="console-picker visit-ledger-unit">
            单位：{units.find((unit) => unit.id === unitId)?.name ?? everything}
          </Text>
        </Picker>
      </View>
      <View className="console-toolbar visit-ledger-actions">
        <Button type="primary" className="visit-ledger-xlsx" onClick={() => void download('xlsx')}>
          导出走访台账（Excel）
        </Button>
        <Button className="visit-ledger-csv" onClick={() => void download('csv')}>
          导出 CSV
        </Button>
      </View>
      {progress && <ExportProgress progress={progress} done={exported} className="visit-ledger-progress" />}
      {message && <Text className="review-message">{message}</Text>}
    </ConsoleShell>
  )
}

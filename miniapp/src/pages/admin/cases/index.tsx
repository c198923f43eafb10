import { caseStatusLabels, caseStatuses, type Unit } from '@minqing/shared'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { searchCases, type CaseFilters } from '../../../api/admin'
import { fetchCategories, fetchUnits, type CaseView, type CategoryNode } from '../../../api/cases'
import { formatChinaTime } from '../../../cases/format'
import { downloadLedger, type DownloadProgress } from '../../../admin/downloadLedger'
import { messageOf, useLoader } from '../../../admin/useLoader'
import { DatePick } from '../../../components/DatePick'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { ExportProgress } from '../../../components/ExportProgress'
import { DataTable } from '../../../components/DataTable'
import { Button, Input, Switch } from '../../../ui/nutui'
import './index.css'

const statusOptions = [
  { value: '', label: '全部状态' },
  ...caseStatuses.map((value) => ({ value, label: caseStatusLabels[value] })),
]

/** Top categories and their children, flattened for a picker. */
const flatten = (nodes: CategoryNode[], depth = 0): Array<{ code: string; label: string }> =>
  nodes.flatMap((node) => [
    { code: node.code, label: `${'　'.repeat(depth)}${node.name}` },
    ...flatten(node.children ?? [], depth + 1),
  ])

/**
 * The case table (诉求台账) with filters, and the ledger export for the chosen unit and period as
 * .xlsx or .csv with a progress bar. A row opens the case, where it can be dispatched or flagged.
 */
export default function ConsoleCasesPage() {
  // The last 30 days by default: a case received late last month is still in view early this month.
  const [filters, setFilters] = useState<CaseFilters>({
    from: dayjs().subtract(30, 'day').format('YYYY-MM-DD'),
    to: dayjs().format('YYYY-MM-DD'),
  })
  const [search, setSearch] = useState('')
  const [progress, setProgress] = useState<DownloadProgress | null>(null)
  const [exported, setExported] = useState('')
  const options = useLoader(async () => {
    const [units, categories] = await Promise.all([fetchUnits(), fetchCategories()])
    return { units, categories: flatten(categories) }
  }, [])
  const { data, message, setMessage } = useLoader(() => searchCases(filters), [filters])
  const units: Unit[] = options.data?.units ?? []
  const categories = options.data?.categories ?? []
  const set = (patch: Partial<CaseFilters>) => setFilters((current) => ({ ...current, ...patch, page: 1 }))

  async function exportLedger(format: 'xlsx' | 'csv') {
    const params = [
      `from=${filters.from}`,
      `to=${filters.to}`,
      filters.unitId ? `unitId=${filters.unitId}` : '',
    ]
    setExported('')
    setProgress({ received: 0, totalRows: null, share: 0 })
    try {
      const result = await downloadLedger(
        `/exports/cases.${format}?${params.filter(Boolean).join('&')}`,
        setProgress,
      )
      setExported(`已导出 ${result.filename}${result.rows === null ? '' : `（${result.rows} 条）`}`)
    } catch (error) {
      setMessage(messageOf(error))
      setProgress(null)
    }
  }

  return (
    <ConsoleShell page="cases" title="诉求台账">
      <View className="console-form console-filters">
        <Picker
          mode="selector"
          range={statusOptions.map((option) => option.label)}
          onChange={(event) => set({ status: statusOptions[Number(event.detail.value)]!.value || undefined })}
        >
          <Text className="console-picker">
            {filters.status ? caseStatusLabels[filters.status as never] : '全部状态'}
          </Text>
        </Picker>
        <Picker
          mode="selector"
          range={['全部单位', ...units.map((unit) => unit.name)]}
          onChange={(event) => set({ unitId: units[Number(event.detail.value) - 1]?.id })}
        >
          <Text className="console-picker">
            {units.find((unit) => unit.id === filters.unitId)?.name ?? '全部单位'}
          </Text>
        </Picker>
        <Picker
          mode="selector"
          range={['全部分类', ...categories.map((category) => category.label)]}
          onChange={(event) => set({ categoryCode: categories[Number(event.detail.value) - 1]?.code })}
        >
          <Text className="console-picker">
            {categories.find((category) => category.code === filters.categoryCode)?.label.trim() ??
              '全部分类'}
          </Text>
        </Picker>
        <DatePick label="自" value={filters.from} onChange={(from) => set({ from })} />
        <DatePick label="至" value={filters.to} onChange={(to) => set({ to })} />
        <View className="console-switch">
          <Switch
            label="只看超期"
            checked={Boolean(filters.overdue)}
            onChange={(checked) => set({ overdue: checked })}
          />
          <Text>只看超期</Text>
        </View>
        <Input
          className="console-search"
          placeholder="编号或标题"
          value={search}
          onChange={setSearch}
          onConfirm={() => set({ q: search.trim() || undefined })}
        />
        <Button size="small" onClick={() => set({ q: search.trim() || undefined })}>
          查询
        </Button>
      </View>
      <View className="console-toolbar">
        <Text>共 {data?.total ?? 0} 件</Text>
        <Button size="small" type="primary" className="export-xlsx" onClick={() => void exportLedger('xlsx')}>
          导出台账（Excel）
        </Button>
        <Button size="small" className="export-csv" onClick={() => void exportLedger('csv')}>
          导出 CSV
        </Button>
        <Text className="console-note">导出范围：所选单位与时间段（按受理日期）</Text>
      </View>
      {progress && <ExportProgress progress={progress} done={exported} />}
      <DataTable<CaseView>
        className="console-case-table"
        rows={data?.items ?? []}
        rowKey={(row) => row.id}
        columns={[
          { key: 'number', title: '编号', grow: 1.5, render: (row) => row.number },
          {
            key: 'received',
            title: '受理时间',
            grow: 1.5,
            render: (row) => formatChinaTime(row.submittedAt),
          },
          { key: 'title', title: '标题', grow: 3, render: (row) => row.title },
          { key: 'unit', title: '责任单位', grow: 1.5, render: (row) => row.unitName ?? '—' },
          { key: 'status', title: '状态', render: (row) => row.statusLabel },
          {
            key: 'due',
            title: '期限',
            grow: 1.5,
            render: (row) => (
              <Text className={row.timeState?.state === 'overdue' ? 'console-overdue' : ''}>
                {formatChinaTime(row.deadlines.dueAt)}
                {row.timeState?.state === 'overdue' ? '（超期）' : ''}
              </Text>
            ),
          },
          {
            key: 'open',
            title: '操作',
            render: (row) => (
              <Text
                className="console-link"
                onClick={() => void Taro.navigateTo({ url: `/pages/cases/detail/index?id=${row.id}` })}
              >
                查看
              </Text>
            ),
          },
        ]}
      />
      {(message || options.message) && <Text className="review-message">{message || options.message}</Text>}
    </ConsoleShell>
  )
}

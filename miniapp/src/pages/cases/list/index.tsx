import { AppError } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { listCases, type CaseScope, type CaseView } from '../../../api/cases'
import { latestCall } from '../../../api/latestCall'
import { CaseCard } from '../../../components/CaseCard'
import { Chips } from '../../../components/Chips'
import { Page } from '../../../components/Page'
import { Empty } from '../../../ui/nutui'
import '../cases.css'
import { QueueSuggestion } from './QueueSuggestion'

const titles: Record<CaseScope, string> = {
  all: '我的诉求',
  inbox: '待办工单',
  handled: '已办工单',
  queue: '派单中心',
  owned: '我包案的诉求',
}

/** One list page for every scope: a resident's cases, a unit's inbox (due soonest first), the dispatch queue. */
export default function CaseListPage() {
  const scope = (useRouter().params.scope ?? 'all') as CaseScope
  const [items, setItems] = useState<CaseView[] | null>(null)
  const [message, setMessage] = useState('')
  const [overdueOnly, setOverdueOnly] = useState(false)
  // Switching the chip while the first list is on its way: the older answer must not win.
  const gate = useRef(latestCall()).current

  async function load() {
    const isLatest = gate.begin()
    try {
      const page = await listCases(scope, overdueOnly)
      if (!isLatest()) return
      setItems(page.items)
      setMessage('')
    } catch (error) {
      if (isLatest()) setMessage(error instanceof AppError ? error.message : '加载失败')
    }
  }

  useDidShow(() => {
    void Taro.setNavigationBarTitle({ title: titles[scope] ?? '诉求列表' })
    void load()
  })
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))
  // Reload when the filter changes; the first load is useDidShow's.
  const filterChanged = useRef(false)
  useEffect(() => {
    if (filterChanged.current) void load()
    filterChanged.current = true
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the filter triggers a reload
  }, [overdueOnly])

  return (
    <Page>
      {scope !== 'all' && (
        <Chips
          className="case-filters"
          items={[
            { value: 'all', label: '全部' },
            { value: 'overdue', label: '仅看超期' },
          ]}
          value={overdueOnly ? 'overdue' : 'all'}
          onChange={(value) => setOverdueOnly(value === 'overdue')}
        />
      )}
      {message && <Text className="case-message">{message}</Text>}
      {items?.length === 0 && <Empty description="暂无记录" />}
      <View className={`case-list case-list-${scope}`}>
        {items?.map((item) => (
          <View key={item.id} className="case-list-item">
            <CaseCard item={item} />
            {/* The dispatch queue shows where the model would send each case, and why. */}
            {scope === 'queue' && <QueueSuggestion title={item.title} description={item.description} />}
          </View>
        ))}
      </View>
    </Page>
  )
}

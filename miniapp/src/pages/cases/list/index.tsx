import { AppError } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { listCases, type CaseScope, type CaseView } from '../../../api/cases'
import { CaseCard } from '../../../components/CaseCard'
import { Page } from '../../../components/Page'
import { Empty } from '../../../ui/nutui'
import '../cases.css'

const titles: Record<CaseScope, string> = {
  all: '我的诉求',
  inbox: '待办工单',
  handled: '已办工单',
  queue: '派单中心',
}

/** One list page for every scope: a resident's cases, a unit's inbox (due soonest first), the dispatch queue. */
export default function CaseListPage() {
  const scope = (useRouter().params.scope ?? 'all') as CaseScope
  const [items, setItems] = useState<CaseView[] | null>(null)
  const [message, setMessage] = useState('')

  async function load() {
    try {
      const page = await listCases(scope)
      setItems(page.items)
      setMessage('')
    } catch (error) {
      setMessage(error instanceof AppError ? error.message : '加载失败')
    }
  }

  useDidShow(() => {
    void Taro.setNavigationBarTitle({ title: titles[scope] ?? '诉求列表' })
    void load()
  })
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  return (
    <Page>
      {message && <Text className="case-message">{message}</Text>}
      {items?.length === 0 && <Empty description="暂无记录" />}
      <View className={`case-list case-list-${scope}`}>
        {items?.map((item) => (
          <CaseCard key={item.id} item={item} />
        ))}
      </View>
    </Page>
  )
}

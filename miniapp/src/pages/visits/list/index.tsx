import { visitPurposeLabels, type VisitPurpose } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useUnload } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useRef, useState } from 'react'
import { Page } from '../../../components/Page'
import { Button, Empty, Progress } from '../../../ui/nutui'
import { countByState, syncStateLabels, type LocalVisit } from '../../../visits/queue'
import type { SyncProgress } from '../../../visits/syncEngine'
import { subscribe, syncNow, syncWhenOnline } from '../../../visits/visitStore'
import '../visits.css'

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`

/** The visits on this phone with their sync state, and the sync button with its progress. */
export default function VisitListPage() {
  const [queue, setQueue] = useState<LocalVisit[]>([])
  const [progress, setProgress] = useState<SyncProgress | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const unsubscribe = useRef<(() => void) | null>(null)

  useDidShow(() => {
    syncWhenOnline()
    unsubscribe.current?.()
    unsubscribe.current = subscribe((state) => {
      setQueue(state.queue)
      setProgress(state.progress)
      setBusy(state.busy)
    })
  })
  useUnload(() => unsubscribe.current?.())

  async function sync() {
    setMessage('')
    const outcome = await syncNow(true)
    if (outcome.interrupted) setMessage('网络不可用，已保存在手机上，联网后自动同步')
    else if (outcome.failed) setMessage(`${outcome.failed} 条同步失败，请查看原因`)
    else if (outcome.synced) setMessage(`已同步 ${outcome.synced} 条`)
  }

  const counts = countByState(queue)
  const unsent = counts.waiting + counts.syncing + counts.failed
  return (
    <Page>
      <View className="visit-sync-bar">
        <Text className="visit-sync-summary">
          共 {queue.length} 条 · 待同步 {counts.waiting + counts.syncing} · 失败 {counts.failed} · 草稿{' '}
          {counts.draft}
        </Text>
        {progress && busy && (
          <View className="visit-sync-progress">
            <Progress
              percent={progress.itemsTotal ? Math.round((progress.itemsDone / progress.itemsTotal) * 100) : 0}
            />
            <Text className="visit-hint">
              {progress.itemsDone}/{progress.itemsTotal} 条 · {kb(progress.bytesDone)}/
              {kb(progress.bytesTotal)} 照片
            </Text>
          </View>
        )}
        <Button
          className="visit-sync"
          type="primary"
          block
          loading={busy}
          disabled={unsent === 0 && !busy}
          onClick={() => void sync()}
        >
          {busy ? '同步中…' : '立即同步'}
        </Button>
        {message && <Text className="visit-message">{message}</Text>}
      </View>
      <Button
        className="visit-new"
        block
        onClick={() => void Taro.navigateTo({ url: '/pages/visits/new/index' })}
      >
        新增走访
      </Button>
      {queue.length === 0 && <Empty description="还没有走访记录" />}
      {queue.map((visit) => (
        <View
          key={visit.clientId}
          className={`visit-card visit-item-${visit.state}`}
          onClick={() =>
            void Taro.navigateTo({ url: `/pages/visits/detail/index?clientId=${visit.clientId}` })
          }
        >
          <Text className={`visit-state visit-state-${visit.state}`}>{syncStateLabels[visit.state]}</Text>
          <Text className="visit-card-title">{visit.form.household.name || '（未填姓名）'}</Text>
          <Text className="visit-card-meta">
            {dayjs(visit.form.visitedAt).format('MM-DD HH:mm')} ·{' '}
            {visit.form.purposes
              .map((purpose) => visitPurposeLabels[purpose as VisitPurpose] ?? purpose)
              .join('、')}
            {visit.photos.length ? ` · ${visit.photos.length} 张照片` : ''}
            {visit.form.problems.length ? ` · ${visit.form.problems.length} 个问题` : ''}
          </Text>
          {visit.error && <Text className="visit-card-meta visit-state-failed">{visit.error.message}</Text>}
        </View>
      ))}
    </Page>
  )
}

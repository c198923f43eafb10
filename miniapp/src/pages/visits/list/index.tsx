import { visitPurposeLabels, type VisitPurpose, type VisitSummary } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useUnload } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useRef, useState } from 'react'
import { fetchMyVisits } from '../../../api/visits'
import { Page } from '../../../components/Page'
import { Button, Empty, Progress } from '../../../ui/nutui'
import { appendPage, mergeHistory, type VisitRow } from '../../../visits/history'
import { countByState, syncStateLabels, type LocalVisit } from '../../../visits/queue'
import type { SyncProgress } from '../../../visits/syncEngine'
import { subscribe, syncNow, syncWhenOnline } from '../../../visits/visitStore'
import '../visits.css'

const offlineMessage = '网络不可用，已保存在本机，联网后自动同步'
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`
const purposeText = (purposes: readonly string[]) =>
  purposes.map((purpose) => visitPurposeLabels[purpose as VisitPurpose] ?? purpose).join('、')

type History = { items: VisitSummary[]; nextCursor: string | null; state: 'loading' | 'ready' | 'offline' }

/**
 * 我的走访: what waits on this phone (with its sync state and, when sending failed, why) and the
 * worker's whole history from the server, merged so a new phone shows everything and a synced
 * visit shows once. Sending starts by itself; 立即同步 is there for the impatient and for retrying
 * failed ones.
 */
export default function VisitListPage() {
  const [queue, setQueue] = useState<LocalVisit[]>([])
  const [progress, setProgress] = useState<SyncProgress | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const [history, setHistory] = useState<History>({ items: [], nextCursor: null, state: 'loading' })
  const unsubscribe = useRef<(() => void) | null>(null)
  const syncedCount = useRef(-1)

  async function loadHistory(cursor: string | null) {
    try {
      const page = await fetchMyVisits(cursor)
      setHistory((current) => ({
        items: cursor ? appendPage(current.items, page.items) : page.items,
        nextCursor: page.nextCursor,
        state: 'ready',
      }))
    } catch {
      setHistory((current) => ({ ...current, state: 'offline' }))
    }
  }

  useDidShow(() => {
    syncWhenOnline()
    unsubscribe.current?.()
    syncedCount.current = -1
    unsubscribe.current = subscribe((state) => {
      setQueue(state.queue)
      setProgress(state.progress)
      setBusy(state.busy)
      // First show, or a visit just went out (the server's first page now holds it too).
      const synced = countByState(state.queue).synced
      if (synced !== syncedCount.current) {
        syncedCount.current = synced
        void loadHistory(null)
      }
    })
  })
  useUnload(() => unsubscribe.current?.())

  async function sync() {
    setMessage('')
    const outcome = await syncNow(true)
    if (outcome.interrupted) setMessage(offlineMessage)
    else if (outcome.failed) setMessage(`${outcome.failed} 条同步失败，请查看原因`)
    else if (outcome.synced) setMessage(`已同步 ${outcome.synced} 条`)
  }

  const counts = countByState(queue)
  const waiting = counts.waiting + counts.syncing
  const unsent = waiting + counts.failed
  const rows = mergeHistory(queue, history.items)
  return (
    <Page>
      <View className="visit-sync-bar">
        <Text className="visit-sync-summary">
          待同步 {waiting} 条 · 同步失败 {counts.failed} 条 · 草稿 {counts.draft} 条
        </Text>
        {waiting > 0 && !busy && <Text className="visit-hint">已保存在本机，联网后自动同步，无需操作</Text>}
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
          {busy ? '同步中…' : counts.failed > 0 ? '重新同步' : unsent === 0 ? '全部已同步' : '立即同步'}
        </Button>
        {/* "No network" is stale once the queue has gone out by itself. */}
        {message && !(message === offlineMessage && waiting === 0) && (
          <Text className="visit-message">{message}</Text>
        )}
      </View>
      <Button
        className="visit-new"
        block
        onClick={() => void Taro.navigateTo({ url: '/pages/visits/new/index' })}
      >
        新增走访
      </Button>
      {history.state === 'offline' && (
        <Text className="visit-hint visit-history-offline">
          当前离线：只显示本机上的走访，联网后显示全部记录
        </Text>
      )}
      {history.state === 'loading' && <Text className="visit-hint">正在读取服务器上的走访记录…</Text>}
      {rows.length === 0 && history.state !== 'loading' && <Empty description="还没有走访记录" />}
      {rows.map((row) => (
        <VisitCard key={row.key} row={row} />
      ))}
      {history.nextCursor && (
        <Button className="visit-more" block onClick={() => void loadHistory(history.nextCursor)}>
          加载更多
        </Button>
      )}
    </Page>
  )
}

function VisitCard({ row }: { row: VisitRow }) {
  const open = () =>
    void Taro.navigateTo({
      url:
        row.origin === 'local'
          ? `/pages/visits/detail/index?clientId=${row.visit.clientId}`
          : `/pages/visits/detail/index?id=${row.visit.id}`,
    })
  const name =
    (row.origin === 'local' ? row.visit.form.household.name : row.visit.household.name) || '（未填姓名）'
  const purposes = row.origin === 'local' ? row.visit.form.purposes : row.visit.purposes
  const photos = row.origin === 'local' ? row.visit.photos.length : row.visit.photoCount
  const problems = row.origin === 'local' ? row.visit.form.problems.length : row.visit.problemCaseIds.length
  const error = row.origin === 'local' ? row.visit.error : undefined
  return (
    <View className={`visit-card visit-item-${row.state} visit-origin-${row.origin}`} onClick={open}>
      <Text className={`visit-state visit-state-${row.state}`}>{syncStateLabels[row.state]}</Text>
      <Text className="visit-card-title">{name}</Text>
      <Text className="visit-card-meta">
        {dayjs(row.visitedAt).format('MM-DD HH:mm')} · {purposeText(purposes)}
        {photos ? ` · ${photos} 张照片` : ''}
        {problems ? ` · ${problems} 个问题` : ''}
      </Text>
      {error && row.state === 'failed' && (
        <Text className="visit-card-meta visit-state-failed">失败原因：{error.message}</Text>
      )}
    </View>
  )
}

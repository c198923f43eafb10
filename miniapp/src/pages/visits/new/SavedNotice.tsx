import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button } from '../../../ui/nutui'
import { countByState, type LocalVisit } from '../../../visits/queue'
import { subscribe } from '../../../visits/visitStore'

/** Where the visit just saved stands, kept up to date while the form is open for the next one. */
export function savedNoticeText(visit: LocalVisit | undefined): string {
  if (visit?.state === 'synced') return '已保存并同步到服务器'
  if (visit?.state === 'failed') return `已保存在本机，但同步失败：${visit.error?.message ?? '原因不明'}`
  return '已保存在本机，联网后自动同步'
}

export function SavedNotice({ clientId }: { clientId: string }) {
  const [queue, setQueue] = useState<LocalVisit[]>([])
  useEffect(() => subscribe((state) => setQueue(state.queue)), [])
  const visit = queue.find((item) => item.clientId === clientId)
  const counts = countByState(queue)
  const waiting = counts.waiting + counts.syncing
  return (
    <View className={`visit-saved visit-saved-${visit?.state ?? 'waiting'}`} role="status">
      <Text className="visit-saved-title">{savedNoticeText(visit)}</Text>
      <Text className="visit-saved-meta">
        {waiting > 0 ? `本机还有 ${waiting} 条待同步。` : ''}表单已清空，可以记录下一户。
      </Text>
      <Button
        className="visit-saved-list"
        size="small"
        onClick={() => void Taro.redirectTo({ url: '/pages/visits/list/index' })}
      >
        查看我的走访
      </Button>
    </View>
  )
}

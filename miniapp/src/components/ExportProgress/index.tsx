import { Text, View } from '@tarojs/components'
import type { DownloadProgress } from '../../admin/downloadLedger'
import { Progress } from '../../ui/nutui'

/** A ledger download under way: a bar, the kilobytes and rows received so far, then `done`. */
export function ExportProgress({
  progress,
  done,
  className = '',
}: {
  progress: DownloadProgress
  done: string
  className?: string
}) {
  const rows = progress.totalRows === null ? '' : `，共 ${progress.totalRows} 条`
  return (
    <View className={`export-progress ${className}`}>
      <Progress percent={Math.round(progress.share * 100)} showText />
      <Text className="console-note">
        {progress.share < 1 ? `正在导出… 已接收 ${Math.round(progress.received / 1024)} KB${rows}` : done}
      </Text>
    </View>
  )
}

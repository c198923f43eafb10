import { Picker, Text } from '@tarojs/components'
import '../../pages/admin/cases/index.css'

/** A date chosen with the platform's date picker, shown as "开始：2026-03-01". */
export function DatePick({
  label,
  value,
  onChange,
  start,
  end,
}: {
  label: string
  value: string | undefined
  onChange: (date: string) => void
  start?: string
  end?: string
}) {
  return (
    <Picker
      mode="date"
      value={value ?? ''}
      start={start}
      end={end}
      onChange={(event) => onChange(event.detail.value)}
    >
      <Text className="console-picker">
        {label}：{value || '选择'}
      </Text>
    </Picker>
  )
}

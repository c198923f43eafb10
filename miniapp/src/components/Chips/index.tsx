import { Text, View } from '@tarojs/components'
import './index.css'

export interface Chip {
  value: string
  label: string
}

/** A row of tappable choices: large targets, no wheel to scroll (easier for older users too). */
export function Chips({
  items,
  value,
  onChange,
  className,
}: {
  items: Chip[]
  value: string | null
  onChange: (value: string) => void
  className?: string
}) {
  return (
    <View className={`mq-chips ${className ?? ''}`}>
      {items.map((item) => (
        <Text
          key={item.value}
          className={`mq-chip ${item.value === value ? 'mq-chip-selected' : ''}`}
          onClick={() => onChange(item.value)}
        >
          {item.label}
        </Text>
      ))}
    </View>
  )
}

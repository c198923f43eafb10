import { Text, View } from '@tarojs/components'
import type { Chip } from '../Chips'
import '../Chips/index.css'

/** Like Chips, but any number can be on (tags, purposes). */
export function MultiChips({
  items,
  values,
  onChange,
  className,
}: {
  items: Chip[]
  values: string[]
  onChange: (values: string[]) => void
  className?: string
}) {
  const toggle = (value: string) =>
    onChange(values.includes(value) ? values.filter((item) => item !== value) : [...values, value])
  return (
    <View className={`mq-chips ${className ?? ''}`}>
      {items.map((item) => (
        <Text
          key={item.value}
          className={`mq-chip ${values.includes(item.value) ? 'mq-chip-selected' : ''}`}
          onClick={() => toggle(item.value)}
        >
          {item.label}
        </Text>
      ))}
    </View>
  )
}

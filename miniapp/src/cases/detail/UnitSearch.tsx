import type { Unit } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Chips } from '../../components/Chips'
import { Input } from '../../ui/nutui'

/**
 * Choosing a unit by typing part of its name: large tappable results instead of a tiny wheel
 * (a district has dozens of units; on a desktop a wheel cannot be searched).
 */
export function UnitSearch({
  units,
  value,
  onChange,
  label,
}: {
  units: Unit[]
  value: string | null
  onChange: (unitId: string) => void
  label: string
}) {
  const [query, setQuery] = useState('')
  const chosen = units.find((unit) => unit.id === value)
  const matches = units.filter((unit) => !query.trim() || unit.name.includes(query.trim())).slice(0, 12)
  return (
    <View className="case-unit-search">
      <Text className="case-sheet-label">
        {label}
        {chosen ? `：已选 ${chosen.name}` : ''}
      </Text>
      <Input
        name="unitQuery"
        placeholder="输入单位名称查找，如：住建"
        value={query}
        onChange={(next: string) => setQuery(next)}
      />
      <Chips
        className="case-unit-options"
        items={matches.map((unit) => ({ value: unit.id, label: unit.name }))}
        value={value}
        onChange={onChange}
      />
      {matches.length === 0 && <Text className="case-card-meta">没有名称包含“{query}”的单位</Text>}
    </View>
  )
}

import type { Unit } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Input } from '../../ui/nutui'
import './index.css'

/** A unit's place in the tree as people read it: 和平区 / 东街道 / 东社区. */
export function unitPathName(unit: Unit, units: readonly Unit[]): string {
  const names = [...unit.path, unit.id].map((id) => units.find((item) => item.id === id)?.name ?? '…')
  return names.join(' / ')
}

/** Units depth-first (each unit followed by its sub-units, siblings by name), as a tree reads. */
export function inTreeOrder(units: readonly Unit[]): Unit[] {
  const children = new Map<string | null, Unit[]>()
  const ids = new Set(units.map((unit) => unit.id))
  for (const unit of units) {
    // A unit whose parent is not in the list (disabled, another tenant) starts a tree of its own.
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), unit])
  }
  const ordered: Unit[] = []
  const walk = (parent: string | null) => {
    const below = [...(children.get(parent) ?? [])].sort(
      (a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id),
    )
    for (const unit of below) {
      ordered.push(unit)
      walk(unit.id)
    }
  }
  walk(null)
  return ordered
}

/**
 * Finds a unit by any part of its name or path (a district has hundreds of units: a picker list
 * would not do); shows at most eight matches with their full paths.
 */
export function UnitPicker({
  units,
  value,
  onChange,
  placeholder = '输入单位名称搜索',
  exclude,
  className,
}: {
  units: readonly Unit[]
  value: string | null
  onChange: (unitId: string) => void
  placeholder?: string
  /** Units that may not be picked (a unit cannot move under itself or its sub-units). */
  exclude?: (unit: Unit) => boolean
  className?: string
}) {
  const [query, setQuery] = useState('')
  const chosen = units.find((unit) => unit.id === value)
  const words = query.trim()
  const matches = words
    ? inTreeOrder(units)
        .filter((unit) => !exclude?.(unit))
        .filter((unit) => unitPathName(unit, units).includes(words))
        .slice(0, 8)
    : []
  return (
    <View className={`unit-picker ${className ?? ''}`}>
      <Input placeholder={placeholder} value={query} onChange={setQuery} />
      {chosen && !words && <Text className="unit-picker-chosen">已选：{unitPathName(chosen, units)}</Text>}
      {words && (
        <View className="unit-picker-list">
          {matches.map((unit) => (
            <Text
              key={unit.id}
              className="unit-picker-option"
              onClick={() => {
                onChange(unit.id)
                setQuery('')
              }}
            >
              {unitPathName(unit, units)}
            </Text>
          ))}
          {!matches.length && <Text className="unit-picker-none">没有找到“{words}”</Text>}
        </View>
      )}
    </View>
  )
}

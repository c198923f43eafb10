import { AppError } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { createHousehold, searchHouseholds, type HouseholdSummary } from '../../api/registry'
import { Button, Input } from '../../ui/nutui'
import './index.css'

interface Props {
  /** The linked household's id, or null. */
  value: string | null
  /** The household as typed in the visit form, used to register a new one. */
  draft: { name: string; address: string; phone?: string }
  onChange(household: HouseholdSummary | null): void
}

/**
 * Links a visit to a 民情档案 household: find one of your unit's (masked) or register the one
 * typed in the form. Offline, the visit is simply saved without a link.
 */
export function HouseholdPicker({ value, draft, onChange }: Props) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<HouseholdSummary[]>([])
  const [picked, setPicked] = useState<HouseholdSummary | null>(null)
  const [message, setMessage] = useState('')
  const fail = (error: unknown) =>
    setMessage(error instanceof AppError ? error.message : '网络不可用，可稍后再关联')

  async function search() {
    setMessage('')
    try {
      const { items } = await searchHouseholds(query.trim() || draft.name)
      setFound(items)
      if (!items.length) setMessage('本单位民情档案中未找到，可新建')
    } catch (error) {
      fail(error)
    }
  }
  async function register() {
    setMessage('')
    try {
      choose(
        await createHousehold({
          headName: draft.name,
          address: draft.address,
          phone: draft.phone || undefined,
        }),
      )
    } catch (error) {
      fail(error)
    }
  }
  function choose(household: HouseholdSummary | null) {
    setPicked(household)
    setFound([])
    onChange(household)
  }

  if (value)
    return (
      <View className="household-picker">
        <Text className="household-picker-linked">
          已关联民情档案：{picked ? `${picked.headName} ${picked.address}` : '已关联'}
        </Text>
        <Button size="small" fill="outline" onClick={() => choose(null)}>
          取消关联
        </Button>
      </View>
    )
  return (
    <View className="household-picker">
      <Input
        name="householdSearch"
        placeholder="查找民情档案（姓名或地址）"
        value={query}
        maxLength={50}
        onChange={(text: string) => setQuery(text)}
      />
      <View className="household-picker-actions">
        <Button size="small" type="primary" className="household-picker-search" onClick={() => void search()}>
          查找
        </Button>
        <Button size="small" fill="outline" className="household-picker-new" onClick={() => void register()}>
          按上方信息新建档案
        </Button>
      </View>
      {found.map((household) => (
        <Text key={household.id} className="household-picker-item" onClick={() => choose(household)}>
          {household.headName} · {household.address} · {household.memberCount}口人
        </Text>
      ))}
      {message && <Text className="household-picker-message">{message}</Text>}
    </View>
  )
}

import { AppError, householdRegistryTagLabels, householdRegistryTags } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import {
  createHousehold,
  listHouseholds,
  searchHouseholds,
  type HouseholdSummary,
} from '../../../api/registry'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { Field } from '../../../components/Field'
import { MultiChips } from '../../../components/MultiChips'
import { fieldErrors } from '../../../ui/messages'
import { Button, Cell, Empty, Input } from '../../../ui/nutui'
import '../registry.css'

const tagLabel = (code: string) =>
  householdRegistryTagLabels[code as keyof typeof householdRegistryTagLabels] ?? code

/** 民情档案: find a household of your unit by name or address (contact masked), or register one. */
export default function HouseholdsPage() {
  const [items, setItems] = useState<HouseholdSummary[]>([])
  const [query, setQuery] = useState('')
  const [headName, setHeadName] = useState('')
  const [address, setAddress] = useState('')
  const [phone, setPhone] = useState('')
  const [tags, setTags] = useState<string[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const fail = (error: unknown) => {
    const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
    setErrors(fieldErrors(appError))
    setMessage(appError.message)
  }
  const load = () =>
    (query.trim() ? searchHouseholds(query.trim()) : listHouseholds())
      .then((answer) => setItems(answer.items))
      .catch(fail)
  useDidShow(() => void load())

  async function register() {
    try {
      const created = await createHousehold({
        headName,
        address,
        phone: phone || undefined,
        tags: tags as never,
      })
      setHeadName('')
      setAddress('')
      setPhone('')
      setTags([])
      setErrors({})
      setMessage('')
      void Taro.navigateTo({ url: `/pages/registry/household/index?id=${created.id}` })
    } catch (error) {
      fail(error)
    }
  }

  return (
    <ConsoleShell page="households" title="民情档案">
      <Cell.Group title="查找">
        <Cell>
          <Input
            name="householdQuery"
            placeholder="户主或家庭成员姓名、地址"
            value={query}
            onChange={(value: string) => setQuery(value)}
          />
        </Cell>
      </Cell.Group>
      <View className="registry-actions">
        <Button type="primary" className="households-search" onClick={() => void load()}>
          查找
        </Button>
      </View>
      {items.length === 0 && <Empty description="没有找到本单位的档案" />}
      {items.map((household) => (
        <View
          key={household.id}
          className="registry-card household-row"
          onClick={() => void Taro.navigateTo({ url: `/pages/registry/household/index?id=${household.id}` })}
        >
          <Text className="registry-title">{household.headName}</Text>
          <Text className="registry-meta">
            {household.address} · {household.phone ?? '无电话'} · {household.memberCount}口人
          </Text>
          <View>
            {household.tags.map((tag) => (
              <Text key={tag} className="registry-tag">
                {tagLabel(tag)}
              </Text>
            ))}
          </View>
        </View>
      ))}
      <Cell.Group title="新建档案">
        <Field error={errors.headName}>
          <Input
            name="headName"
            placeholder="户主姓名"
            value={headName}
            onChange={(value: string) => setHeadName(value)}
          />
        </Field>
        <Field error={errors.address}>
          <Input
            name="address"
            placeholder="住址（村组门牌）"
            value={address}
            onChange={(value: string) => setAddress(value)}
          />
        </Field>
        <Field error={errors.phone}>
          <Input
            name="phone"
            type="tel"
            placeholder="联系电话（可选）"
            value={phone}
            onChange={(value: string) => setPhone(value)}
          />
        </Field>
        <Cell>
          <MultiChips
            items={householdRegistryTags.map((code) => ({
              value: code,
              label: householdRegistryTagLabels[code],
            }))}
            values={tags}
            onChange={setTags}
          />
        </Cell>
      </Cell.Group>
      <View className="registry-actions">
        <Button type="primary" className="households-create" onClick={() => void register()}>
          建档
        </Button>
      </View>
      {message && <Text className="registry-message">{message}</Text>}
    </ConsoleShell>
  )
}

import type { Unit } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { perform } from '../../../admin/useLoader'
import { updateUnit } from '../../../api/orgImport'
import { UnitPicker, unitPathName } from '../../../components/UnitPicker'
import { Button, Input } from '../../../ui/nutui'

/**
 * 改名 and 移动 for the chosen unit. The new parent is found by search; a move under itself or
 * its own sub-units is left to the server, whose refusal (UNIT_MOVE_CYCLE) is shown as it says it.
 */
export function UnitEditor({
  unit,
  units,
  onChanged,
  onMessage,
}: {
  unit: Unit
  units: readonly Unit[]
  onChanged: () => Promise<unknown>
  onMessage: (message: string) => void
}) {
  const [name, setName] = useState(unit.name)
  const [parentId, setParentId] = useState<string | null>(null)
  // Shown inside the panel, next to the button that caused it (the server's reason, as it says it).
  const [message, setMessage] = useState('')
  useEffect(() => {
    setName(unit.name)
    setParentId(null)
    setMessage('')
  }, [unit.id, unit.name])
  const report = (text: string) => {
    setMessage(text)
    onMessage('')
  }
  const target = units.find((item) => item.id === parentId)
  const rename = () =>
    perform(() => updateUnit(unit.id, { name: name.trim() }), {
      done: '已改名',
      then: onChanged,
      onError: report,
    })
  const move = () =>
    perform(
      async () => {
        await updateUnit(unit.id, { parentId })
        setParentId(null)
      },
      { done: '已移动', then: onChanged, onError: report },
    )
  return (
    <View className="units-editor">
      <Text className="units-editor-title">编辑单位：{unitPathName(unit, units)}</Text>
      <View className="console-form">
        <Input className="units-rename-input" placeholder="新名称" value={name} onChange={setName} />
        <Button
          className="units-rename"
          size="small"
          disabled={!name.trim() || name.trim() === unit.name}
          onClick={() => void rename()}
        >
          改名
        </Button>
      </View>
      <View className="units-move">
        <Text className="units-editor-label">移到新的上级单位：</Text>
        <UnitPicker
          className="units-move-picker"
          units={units}
          exclude={(item) => item.id === unit.id}
          value={parentId}
          onChange={setParentId}
          placeholder="搜索新的上级单位"
        />
        <Button className="units-move-button" size="small" disabled={!parentId} onClick={() => void move()}>
          {target ? `移到「${target.name}」下` : '移动'}
        </Button>
        <Button
          size="small"
          onClick={() => void Taro.redirectTo({ url: `/pages/admin/orgImport/index?parentId=${unit.id}` })}
        >
          批量导入到此单位
        </Button>
      </View>
      {message && <Text className="units-editor-message">{message}</Text>}
    </View>
  )
}

import { AppError, type DutyCoverage } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { fetchUsers } from '../../../api/admin'
import { setDutyDay } from '../../../api/campaigns'
import { Chips } from '../../../components/Chips'
import { Button, Input } from '../../../ui/nutui'

type CoverageUnit = DutyCoverage['units'][number]

/** "3月16日" from "2026-03-16": the roster gaps read as dates people say. */
export const shortDate = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

/** How many gap days are offered at once: the next two working weeks. */
const shownDays = 10

/** The public notice's address: a full link in H5 (for a QR code or a group chat), a page path in weapp. */
function noticeLink(unitId: string): string {
  const path = `/pages/lookup/duty/index?unitId=${unitId}`
  if (process.env.TARO_ENV !== 'h5') return path
  return `${window.location.origin}${window.location.pathname}#${path}`
}

/**
 * One unit's 开门接访 roster as the campaign office keeps it: the working days still without a
 * duty leader, a form to fill one (day, leader of that unit, place), and the public notice's link.
 */
function UnitRoster({ unit, onSaved }: { unit: CoverageUnit; onSaved: () => Promise<unknown> }) {
  const [open, setOpen] = useState(false)
  const [people, setPeople] = useState<{ id: string; name: string }[] | null>(null)
  const [date, setDate] = useState<string | null>(null)
  const [leaderId, setLeaderId] = useState<string | null>(null)
  const [place, setPlace] = useState('')
  const [message, setMessage] = useState('')
  const days = unit.upcoming.slice(0, shownDays)
  const link = noticeLink(unit.unitId)

  async function openForm() {
    setOpen(true)
    setDate(days[0] ?? null)
    if (people) return
    try {
      const { items } = await fetchUsers(unit.unitId)
      // Only the unit's own leaders and cadres may be on its roster (the server checks the same).
      setPeople(
        items
          .filter((user) => (user.role === 'leader' || user.role === 'staff') && user.unitId === unit.unitId)
          .filter((user) => !user.disabled)
          .map((user) => ({ id: user.id, name: user.name })),
      )
    } catch (error) {
      setMessage(error instanceof AppError ? error.message : '加载失败')
    }
  }

  async function save() {
    if (!date) return setMessage('请选择日期')
    if (!leaderId) return setMessage('请选择值班领导')
    try {
      await setDutyDay({ unitId: unit.unitId, date, leaderId, place: place.trim() })
      const leader = people?.find((person) => person.id === leaderId)?.name ?? ''
      setMessage(`已安排 ${shortDate(date)} ${leader}值班`)
      setOpen(false)
      setLeaderId(null)
      await onSaved()
    } catch (error) {
      setMessage(error instanceof AppError ? error.message : '保存失败，请稍后再试')
    }
  }

  return (
    <View className="campaign-duty-unit">
      <Text className="campaign-duty-name">{unit.name}</Text>
      {unit.upcoming.length ? (
        <View className="campaign-gap">
          <Text className="campaign-gap-lead">尚无值班领导的工作日（共 {unit.upcoming.length} 天）：</Text>
          {days.map((day) => (
            <Text key={day} className="campaign-duty-day">
              {shortDate(day)}
            </Text>
          ))}
          {unit.upcoming.length > shownDays && <Text className="campaign-gap-more">等</Text>}
        </View>
      ) : (
        <Text className="campaign-gap-ok">活动期内每个工作日都已安排值班领导</Text>
      )}
      {unit.upcoming.length > 0 && !open && (
        <Button className="campaign-print" size="small" type="primary" onClick={() => void openForm()}>
          安排值班
        </Button>
      )}
      {open && (
        <View className="campaign-duty-form campaign-print">
          <Text className="campaign-duty-label">日期</Text>
          <Chips
            items={days.map((day) => ({ value: day, label: shortDate(day) }))}
            value={date}
            onChange={setDate}
          />
          <Text className="campaign-duty-label">值班领导（{unit.name}人员）</Text>
          {people && people.length === 0 && <Text className="campaign-gap">本单位还没有领导或干部账号</Text>}
          <Chips
            items={(people ?? []).map((person) => ({ value: person.id, label: person.name }))}
            value={leaderId}
            onChange={setLeaderId}
          />
          <Text className="campaign-duty-label">接待地点</Text>
          <Input
            name="dutyPlace"
            placeholder="例如 区群众来访接待中心（不填则公示为本单位接待室）"
            value={place}
            onChange={(value: string) => setPlace(value)}
          />
          <View className="campaign-duty-buttons">
            <Button className="campaign-duty-save" size="small" type="primary" onClick={() => void save()}>
              保存排班
            </Button>
            <Button size="small" onClick={() => setOpen(false)}>
              取消
            </Button>
          </View>
        </View>
      )}
      {message && <Text className="campaign-duty-message">{message}</Text>}
      <View className="campaign-notice">
        <Text className="campaign-duty-label">开门接访公示（群众无需登录，可做成二维码张贴）：</Text>
        <Text className="campaign-notice-link">{link}</Text>
        <Button
          className="campaign-print"
          size="small"
          onClick={() => void Taro.setClipboardData({ data: link })}
        >
          复制公示链接
        </Button>
      </View>
    </View>
  )
}

/** 开门接访排班 of every unit the campaign lists. */
export function DutyRoster({
  coverage,
  onSaved,
}: {
  coverage: DutyCoverage
  onSaved: () => Promise<unknown>
}) {
  if (coverage.units.length === 0) return <Text className="campaign-gap">本次活动没有参加单位</Text>
  return (
    <View>
      {coverage.units.map((unit) => (
        <UnitRoster key={unit.unitId} unit={unit} onSaved={onSaved} />
      ))}
    </View>
  )
}

import {
  passwordPolicy,
  roleLabels,
  roles,
  unitLevelLabels,
  unitLevels,
  type Role,
  type Unit,
  type UnitLevel,
} from '@minqing/shared'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import {
  createUnit,
  createUser,
  fetchOpenWork,
  fetchUsers,
  resetUserPassword,
  setUserDisabled,
} from '../../../api/admin'
import { fetchUnits } from '../../../api/cases'
import { perform, useLoader } from '../../../admin/useLoader'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { DataTable } from '../../../components/DataTable'
import { inTreeOrder } from '../../../components/UnitPicker'
import { Button, Input } from '../../../ui/nutui'
import { OpenWorkPanel } from './OpenWorkPanel'
import { UnitEditor } from './UnitEditor'
import '../cases/index.css'
import './index.css'

/** The unit tree (indented by depth) with a form to add a unit, and the accounts of the chosen unit. */
export default function UnitsPage() {
  const units = useLoader(fetchUnits, [])
  const [selected, setSelected] = useState<string | undefined>(undefined)
  const users = useLoader(() => fetchUsers(selected), [selected])
  const [unitForm, setUnitForm] = useState<{ name: string; level: UnitLevel; parentId: string | null }>({
    name: '',
    level: 'community',
    parentId: null,
  })
  const [userForm, setUserForm] = useState<{ name: string; phone: string; password: string; role: Role }>({
    name: '',
    phone: '',
    password: '',
    role: 'staff',
  })
  const [issued, setIssued] = useState<{ name: string; password: string } | null>(null)
  const [holder, setHolder] = useState<{ id: string; name: string; role: string } | null>(null)
  const list: Unit[] = useMemo(() => inTreeOrder(units.data ?? []), [units.data])
  const nameOf = (id: string | null | undefined) => list.find((unit) => unit.id === id)?.name ?? '—'
  const selectedUnit = list.find((unit) => unit.id === selected)
  // A city-level admin sees several districts (tenants): name each unit's by its top-level unit.
  // A district's own admin sees one tenant only, and no extra column.
  const severalTenants = new Set(list.map((unit) => unit.tenantId)).size > 1
  const districtOf = (unit: Unit) => {
    const top = list.find((other) => other.tenantId === unit.tenantId && other.parentId === null)
    return top?.name ?? '—'
  }

  const addUnit = () =>
    perform(
      async () => {
        await createUnit({ ...unitForm, name: unitForm.name.trim() })
        setUnitForm({ ...unitForm, name: '' })
      },
      { done: '已添加单位', then: units.reload, onError: units.setMessage },
    )
  const addUser = () =>
    perform(
      async () => {
        await createUser({ ...userForm, unitId: selected })
        setUserForm({ ...userForm, name: '', phone: '', password: '' })
      },
      { done: '已创建账号', then: users.reload, onError: users.setMessage },
    )

  // 重置密码: confirmed first (it ends the person's sessions), then the one-time password is shown
  // once for the admin to hand over; the person must choose a new one at their next login.
  const resetPassword = async (user: { id: string; name: string }) => {
    const { confirm } = await Taro.showModal({
      title: '重置密码',
      content: `重置后${user.name}的所有登录将失效，须用临时密码登录并设置新密码。确定重置？`,
      confirmText: '重置',
    })
    if (!confirm) return
    try {
      const { temporaryPassword } = await resetUserPassword(user.id)
      setIssued({ name: user.name, password: temporaryPassword })
    } catch (error) {
      users.setMessage((error as Error).message)
    }
  }

  // 停用: confirmed, saying what the person still holds (包案, duty days, pairs) so the admin
  // hands it on; a disabled account cannot log in and its open sessions stop at once.
  const toggleDisabled = async (user: { id: string; name: string; disabled?: boolean }) => {
    try {
      if (user.disabled) {
        await setUserDisabled(user.id, false)
        // A toast where the admin is looking (the page's message line is far below on a phone).
        void Taro.showToast({ title: `已启用 ${user.name}`, icon: 'none' })
        await users.reload()
        return
      }
      const work = await fetchOpenWork(user.id)
      const held = [
        work.ownedCases.length ? `包案 ${work.ownedCases.length} 件` : '',
        work.duties.length ? `值班 ${work.duties.length} 天` : '',
        work.pairs.length ? `结对户 ${work.pairs.length} 户` : '',
      ].filter(Boolean)
      const { confirm } = await Taro.showModal({
        title: '停用账号',
        content: `停用后${user.name}不能再登录。${held.length ? `其名下还有${held.join('、')}，请及时移交。` : ''}确定停用？`,
        confirmText: '停用',
        // A step that locks a person out reads as one: red, not the platform's green.
        confirmColor: '#c8161d',
      })
      if (!confirm) return
      await setUserDisabled(user.id, true)
      void Taro.showToast({ title: `已停用 ${user.name}`, icon: 'none' })
      await users.reload()
    } catch (error) {
      users.setMessage((error as Error).message)
    }
  }

  return (
    <ConsoleShell page="units" title="单位与用户">
      <View className="console-form">
        <Input
          placeholder="单位名称"
          value={unitForm.name}
          onChange={(name) => setUnitForm({ ...unitForm, name })}
        />
        <Picker
          mode="selector"
          range={unitLevels.map((level) => unitLevelLabels[level])}
          onChange={(event) => setUnitForm({ ...unitForm, level: unitLevels[Number(event.detail.value)]! })}
        >
          <Text className="console-picker">{unitLevelLabels[unitForm.level]}</Text>
        </Picker>
        <Picker
          mode="selector"
          range={['（无上级）', ...list.map((unit) => unit.name)]}
          onChange={(event) =>
            setUnitForm({ ...unitForm, parentId: list[Number(event.detail.value) - 1]?.id ?? null })
          }
        >
          <Text className="console-picker">上级：{unitForm.parentId ? nameOf(unitForm.parentId) : '无'}</Text>
        </Picker>
        <Button size="small" type="primary" disabled={!unitForm.name.trim()} onClick={() => void addUnit()}>
          添加单位
        </Button>
        <Button
          className="units-bulk-import"
          size="small"
          onClick={() => void Taro.redirectTo({ url: '/pages/admin/orgImport/index' })}
        >
          批量导入单位与人员
        </Button>
      </View>
      <DataTable<Unit>
        rows={list}
        rowKey={(unit) => unit.id}
        columns={[
          {
            key: 'name',
            title: '单位',
            grow: 3,
            render: (unit) => (
              <Text
                className={unit.id === selected ? 'console-overdue' : 'console-link'}
                onClick={() => setSelected(unit.id === selected ? undefined : unit.id)}
              >
                {'　'.repeat(unit.path.length)}
                {unit.name}
              </Text>
            ),
          },
          ...(severalTenants
            ? [{ key: 'tenant', title: '区县', render: (unit: Unit) => districtOf(unit) }]
            : []),
          { key: 'level', title: '层级', render: (unit) => unitLevelLabels[unit.level] },
          { key: 'parent', title: '上级', grow: 2, render: (unit) => nameOf(unit.parentId) },
          { key: 'area', title: '辖区范围', render: (unit) => (unit.hasArea ? '已设置' : '—') },
        ]}
      />
      {units.message && <Text className="review-message">{units.message}</Text>}
      {selectedUnit && (
        <UnitEditor unit={selectedUnit} units={list} onChanged={units.reload} onMessage={units.setMessage} />
      )}

      <Text className="review-title units-users-title">账号（{selected ? nameOf(selected) : '全部'}）</Text>
      <View className="console-form">
        <Input
          placeholder="姓名"
          value={userForm.name}
          onChange={(name) => setUserForm({ ...userForm, name })}
        />
        <Input
          placeholder="手机号"
          value={userForm.phone}
          onChange={(phone) => setUserForm({ ...userForm, phone })}
        />
        <Input
          placeholder={`初始密码（至少${passwordPolicy.minLength}位，不能是常见密码）`}
          type="password"
          value={userForm.password}
          onChange={(password) => setUserForm({ ...userForm, password })}
        />
        <Picker
          mode="selector"
          range={roles.map((role) => roleLabels[role])}
          onChange={(event) => setUserForm({ ...userForm, role: roles[Number(event.detail.value)]! })}
        >
          <Text className="console-picker">{roleLabels[userForm.role]}</Text>
        </Picker>
        <Button size="small" type="primary" onClick={() => void addUser()}>
          创建账号{selected ? `（${nameOf(selected)}）` : ''}
        </Button>
      </View>
      <DataTable
        rows={users.data?.items ?? []}
        rowKey={(user) => user.id}
        columns={[
          { key: 'name', title: '姓名', render: (user) => user.name },
          { key: 'phone', title: '手机号（脱敏）', render: (user) => user.phone ?? '—' },
          {
            key: 'role',
            title: '角色',
            render: (user) => `${roleLabels[user.role]}${user.disabled ? '（已停用）' : ''}`,
          },
          { key: 'unit', title: '单位', grow: 2, render: (user) => nameOf(user.unitId) },
          {
            key: 'actions',
            title: '操作',
            grow: 2.4,
            render: (user) => (
              <View className="units-actions">
                {user.phone && !user.disabled && (
                  <Button
                    className="units-reset-password"
                    size="small"
                    onClick={() => void resetPassword(user)}
                  >
                    重置密码
                  </Button>
                )}
                <Button
                  className="units-toggle-disabled"
                  size="small"
                  onClick={() => void toggleDisabled(user)}
                >
                  {user.disabled ? '启用' : '停用'}
                </Button>
                <Button className="units-open-work-button" size="small" onClick={() => setHolder(user)}>
                  待移交工作
                </Button>
              </View>
            ),
          },
        ]}
      />
      {issued && (
        <View className="units-issued" role="status">
          <Text className="units-issued-text">
            {issued.name}的临时密码：<Text className="units-issued-password">{issued.password}</Text>
          </Text>
          <Text className="units-issued-hint">
            仅显示这一次。请当面或电话告知本人，对方登录后须设置新密码。
          </Text>
          <Button size="small" onClick={() => setIssued(null)}>
            已告知本人
          </Button>
        </View>
      )}
      {users.message && <Text className="review-message">{users.message}</Text>}
      {holder && (
        <OpenWorkPanel person={holder} people={users.data?.items ?? []} onClose={() => setHolder(null)} />
      )}
    </ConsoleShell>
  )
}

import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { createCategory, updateCategory } from '../../../api/admin'
import { fetchManagedCategories, setCategoryHidden, type ManagedCategory } from '../../../api/tenants'
import { perform, useLoader } from '../../../admin/useLoader'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { DataTable } from '../../../components/DataTable'
import { Button, Input } from '../../../ui/nutui'
import '../cases/index.css'

/** `offByParent`: residents do not see it because a category above it is hidden or retired. */
type Row = ManagedCategory & { depth: number; offByParent: boolean }

/** The server's rows come in tree order: a row's depth is its parent's plus one. */
const withDepth = (rows: ManagedCategory[]): Row[] => {
  const byCode = new Map<string, Row>()
  return rows.map((row) => {
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined
    const item = {
      ...row,
      depth: parent ? parent.depth + 1 : 0,
      offByParent: Boolean(parent && (parent.hidden || !parent.enabled || parent.offByParent)),
    }
    byCode.set(row.code, item)
    return item
  })
}

const stateLabel = (row: Row) =>
  row.hidden ? '本区隐藏' : !row.enabled ? '停用' : row.offByParent ? '随上级不显示' : '启用'

const scopeLabel = (row: Row, districtAdmin: boolean) =>
  row.scope === 'city' ? '市级' : districtAdmin ? '本区' : `区县 ${row.tenantCode ?? ''}`

/**
 * Categories: add a top category or a child (its code is the parent's code, a dot, its own part),
 * rename or retire one. Codes never change: routing rules and statistics refer to them. A district
 * admin sees the city's categories as 市级 (hide them for the district, or show them again) and
 * edits the district's own (本区); what each row allows comes from the server.
 */
export default function CategoriesPage() {
  const { data, message, reload, setMessage } = useLoader(
    async () => withDepth(await fetchManagedCategories()),
    [],
  )
  const districtAdmin = (data ?? []).some((row) => row.canHide)
  const [form, setForm] = useState({ code: '', name: '', parentCode: '' })
  const [renaming, setRenaming] = useState<{ code: string; name: string } | null>(null)

  const run = (action: () => Promise<unknown>) => perform(action, { then: reload, onError: setMessage })

  return (
    <ConsoleShell page="categories" title="诉求分类">
      <View className="console-form">
        <Input
          placeholder="上级编码（顶级留空）"
          value={form.parentCode}
          onChange={(parentCode) => setForm({ ...form, parentCode })}
        />
        <Input
          placeholder={
            districtAdmin ? '编码（只填最后一段，如 opera，系统加本区前缀）' : '编码，如 roads.lights'
          }
          value={form.code}
          onChange={(code) => setForm({ ...form, code })}
        />
        <Input placeholder="名称" value={form.name} onChange={(name) => setForm({ ...form, name })} />
        <Button
          size="small"
          type="primary"
          onClick={() =>
            void run(async () => {
              await createCategory({
                code: form.code.trim(),
                name: form.name.trim(),
                parentCode: form.parentCode.trim() || null,
              })
              setForm({ code: '', name: '', parentCode: form.parentCode })
            })
          }
        >
          添加分类
        </Button>
      </View>
      {renaming && (
        <View className="console-form">
          <Text>重命名 {renaming.code}</Text>
          <Input value={renaming.name} onChange={(name) => setRenaming({ ...renaming, name })} />
          <Button
            size="small"
            type="primary"
            onClick={() =>
              void run(async () => {
                await updateCategory(renaming.code, { name: renaming.name.trim() })
                setRenaming(null)
              })
            }
          >
            保存
          </Button>
          <Button size="small" onClick={() => setRenaming(null)}>
            取消
          </Button>
        </View>
      )}
      <DataTable<Row>
        rows={data ?? []}
        rowKey={(row) => row.code}
        columns={[
          { key: 'name', title: '名称', grow: 2, render: (row) => `${'　'.repeat(row.depth)}${row.name}` },
          { key: 'code', title: '编码', grow: 2, render: (row) => row.code },
          { key: 'scope', title: '范围', render: (row) => scopeLabel(row, districtAdmin) },
          {
            key: 'state',
            title: '状态',
            render: stateLabel,
          },
          {
            key: 'edit',
            title: '操作',
            grow: 2,
            render: (row) => (
              <View className="console-actions">
                {row.canEdit && (
                  <Text
                    className="console-link"
                    onClick={() => setRenaming({ code: row.code, name: row.name })}
                  >
                    重命名
                  </Text>
                )}
                {row.canEdit && (
                  <Text
                    className="console-link"
                    onClick={() => void run(() => updateCategory(row.code, { enabled: !row.enabled }))}
                  >
                    {row.enabled ? '停用' : '启用'}
                  </Text>
                )}
                {row.canHide && (
                  <Text
                    className="console-link"
                    onClick={() => void run(() => setCategoryHidden(row.code, !row.hidden))}
                  >
                    {row.hidden ? '恢复' : '本区隐藏'}
                  </Text>
                )}
              </View>
            ),
          },
        ]}
      />
      {message && <Text className="review-message">{message}</Text>}
    </ConsoleShell>
  )
}

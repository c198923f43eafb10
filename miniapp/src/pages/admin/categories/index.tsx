import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { createCategory, updateCategory } from '../../../api/admin'
import { fetchCategories, type CategoryNode } from '../../../api/cases'
import { perform, useLoader } from '../../../admin/useLoader'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { DataTable } from '../../../components/DataTable'
import { Button, Input } from '../../../ui/nutui'
import '../cases/index.css'

interface Row {
  code: string
  name: string
  depth: number
}
const flatten = (nodes: CategoryNode[], depth = 0): Row[] =>
  nodes.flatMap((node) => [
    { code: node.code, name: node.name, depth },
    ...flatten(node.children ?? [], depth + 1),
  ])

/**
 * Categories: add a top category or a child (its code is the parent's code, a dot, its own part),
 * rename one. Codes never change: routing rules and statistics refer to them.
 */
export default function CategoriesPage() {
  const { data, message, reload, setMessage } = useLoader(async () => flatten(await fetchCategories()), [])
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
          placeholder="编码，如 roads.lights"
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
          {
            key: 'edit',
            title: '操作',
            render: (row) => (
              <Text className="console-link" onClick={() => setRenaming({ code: row.code, name: row.name })}>
                重命名
              </Text>
            ),
          },
        ]}
      />
      {message && <Text className="review-message">{message}</Text>}
    </ConsoleShell>
  )
}

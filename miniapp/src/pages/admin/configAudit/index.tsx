import {
  configEntityLabels,
  configEntityTypes,
  roleLabels,
  type ConfigChange,
  type ConfigEntityType,
} from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { fetchConfigChanges } from '../../../api/admin'
import { configDiff } from '../../../admin/configDiff'
import { useLoader } from '../../../admin/useLoader'
import { formatChinaTime } from '../../../cases/format'
import { Chips } from '../../../components/Chips'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { DataTable } from '../../../components/DataTable'
import '../cases/index.css'

const actionLabels: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  move: '移动',
  disable: '停用',
  enable: '启用',
}

/** Who changed which configuration when, and what changed (before → after, personal data masked). */
export default function ConfigAuditPage() {
  const [entityType, setEntityType] = useState<ConfigEntityType | 'all'>('all')
  const changes = useLoader(
    () => fetchConfigChanges(entityType === 'all' ? undefined : entityType),
    [entityType],
  )
  return (
    <ConsoleShell page="configAudit" title="配置变更记录">
      <Chips
        items={[
          { value: 'all', label: '全部' },
          ...configEntityTypes.map((value) => ({ value, label: configEntityLabels[value] })),
        ]}
        value={entityType}
        onChange={(value) => setEntityType(value as ConfigEntityType | 'all')}
      />
      <DataTable<ConfigChange>
        rows={changes.data?.items ?? []}
        rowKey={(row) => row.id}
        empty="暂无变更记录"
        columns={[
          { key: 'at', title: '时间', grow: 1.4, render: (row) => formatChinaTime(row.at) },
          { key: 'entity', title: '对象', render: (row) => configEntityLabels[row.entityType] },
          { key: 'action', title: '操作', render: (row) => actionLabels[row.action] ?? row.action },
          {
            key: 'actor',
            title: '操作人',
            render: (row) => roleLabels[row.actorRole as keyof typeof roleLabels] ?? row.actorRole,
          },
          {
            key: 'diff',
            title: '变更内容',
            grow: 4,
            render: (row) => (
              <View>
                {configDiff(row.before, row.after).map((line) => (
                  <Text key={line} style={{ display: 'block' }}>
                    {line}
                  </Text>
                ))}
              </View>
            ),
          },
        ]}
      />
      {changes.data && (
        <Text className="review-definition">
          共 {changes.data.total} 条，显示最近 {changes.data.items.length} 条
        </Text>
      )}
      {changes.message && <Text className="review-message">{changes.message}</Text>}
    </ConsoleShell>
  )
}

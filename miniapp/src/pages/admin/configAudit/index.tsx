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
import { fetchUnits } from '../../../api/cases'
import { configAction, configDiff } from '../../../admin/configDiff'
import { useLoader } from '../../../admin/useLoader'
import { formatChinaTime } from '../../../cases/format'
import { Chips } from '../../../components/Chips'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { DataTable } from '../../../components/DataTable'
import '../cases/index.css'
import './index.css'

/** The record's own name as stored (a person's masked, 张**), with the unit it belongs to below. */
function Subject({ row }: { row: ConfigChange }) {
  const name = (row.after?.name ?? row.before?.name) as string | undefined
  const unit = row.entityType === 'unit' ? null : row.unitName
  return (
    <View>
      <Text className="audit-line">
        {configEntityLabels[row.entityType]}
        {name ? ` ${name}` : ''}
      </Text>
      {unit && <Text className="audit-line audit-unit">{unit}</Text>}
    </View>
  )
}

/** Who changed which configuration when, and what changed (before → after, personal data masked). */
export default function ConfigAuditPage() {
  const [entityType, setEntityType] = useState<ConfigEntityType | 'all'>('all')
  const changes = useLoader(
    () => fetchConfigChanges(entityType === 'all' ? undefined : entityType),
    [entityType],
  )
  const units = useLoader(fetchUnits, [])
  const unitName = (id: string) => units.data?.find((unit) => unit.id === id)?.name
  const total = changes.data?.total ?? 0
  return (
    <ConsoleShell page="configAudit" title="配置变更记录">
      <Text className="console-note">
        分派规则、诉求分类、节假日历、办理时限、走访活动、人员和单位的每次修改都记录在此（谁、何时、改前 →
        改后），记录不可删改。
      </Text>
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
        empty={
          entityType === 'all' ? '还没有人修改过配置' : `${configEntityLabels[entityType]}还没有修改记录`
        }
        columns={[
          {
            key: 'at',
            title: '时间',
            grow: 1.3,
            // Date and time each on its own line, never a time cut in two ("17:" / "15").
            render: (row) => (
              <View>
                <Text className="audit-line">{formatChinaTime(row.at).slice(0, 10)}</Text>
                <Text className="audit-line">{formatChinaTime(row.at).slice(11)}</Text>
              </View>
            ),
          },
          { key: 'entity', title: '对象', grow: 1.4, render: (row) => <Subject row={row} /> },
          { key: 'action', title: '操作', grow: 0.7, render: configAction },
          // What changed before who did it: on a phone the table scrolls sideways.
          {
            key: 'diff',
            title: '变更内容',
            grow: 3,
            render: (row) => (
              <View>
                {configDiff(row.before, row.after, unitName).map((line) => (
                  <Text key={line} style={{ display: 'block' }}>
                    {line}
                  </Text>
                ))}
              </View>
            ),
          },
          {
            key: 'actor',
            title: '操作人',
            grow: 1.2,
            render: (row) =>
              `${row.actorName ?? '—'}（${roleLabels[row.actorRole as keyof typeof roleLabels] ?? row.actorRole}）`,
          },
        ]}
      />
      {total > 0 && (
        <Text className="review-definition">
          共 {total} 条
          {total > (changes.data?.items.length ?? 0) ? `，显示最近 ${changes.data?.items.length} 条` : ''}
        </Text>
      )}
      {changes.message && <Text className="review-message">{changes.message}</Text>}
    </ConsoleShell>
  )
}

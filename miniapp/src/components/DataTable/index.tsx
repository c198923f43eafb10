import { ScrollView, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

export interface Column<Row> {
  key: string
  title: string
  render: (row: Row) => ReactNode
  /** Relative width (flex grow); 1 by default. */
  grow?: number
}

/**
 * A table built from views (mini-programs have no <table>): scrolls sideways on a phone, spreads
 * out on a desktop screen.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  empty = '暂无数据',
  className,
}: {
  columns: Column<Row>[]
  rows: Row[]
  rowKey: (row: Row) => string
  empty?: string
  className?: string
}) {
  const cellStyle = (column: Column<Row>) => ({ flexGrow: column.grow ?? 1 })
  return (
    <ScrollView scrollX className={`mq-table ${className ?? ''}`}>
      <View className="mq-table-inner">
        <View className="mq-table-row mq-table-head">
          {columns.map((column) => (
            <Text key={column.key} className="mq-table-cell" style={cellStyle(column)}>
              {column.title}
            </Text>
          ))}
        </View>
        {rows.map((row) => (
          <View key={rowKey(row)} className="mq-table-row">
            {columns.map((column) => (
              <View key={column.key} className="mq-table-cell" style={cellStyle(column)}>
                {column.render(row)}
              </View>
            ))}
          </View>
        ))}
        {rows.length === 0 && <Text className="mq-table-empty">{empty}</Text>}
      </View>
    </ScrollView>
  )
}

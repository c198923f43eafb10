import { Text } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { Cell } from '../../ui/nutui'
import './index.css'

/** A form control in a cell, with its validation message (from the shared schema or the server) below. */
export function Field({ error, children }: PropsWithChildren<{ error?: string }>) {
  return (
    <>
      <Cell>{children}</Cell>
      {error && <Text className="mq-field-error">{error}</Text>}
    </>
  )
}

import type { SimilarCase } from '../../api/cases'
import { Button, Cell } from '../../ui/nutui'

/** Possible duplicates with one action each: "follow" for residents, "merge into" for the dispatch centre. */
export function SimilarCases(props: {
  title: string
  items: SimilarCase[]
  itemClassName: string
  actionClassName?: string
  actionLabel: string
  onAction: (id: string) => void
}) {
  if (props.items.length === 0) return null
  return (
    <Cell.Group title={props.title}>
      {props.items.map((item) => (
        <Cell
          key={item.id}
          className={props.itemClassName}
          title={item.title}
          description={item.number}
          extra={
            <Button size="small" className={props.actionClassName} onClick={() => props.onAction(item.id)}>
              {props.actionLabel}
            </Button>
          }
        />
      ))}
    </Cell.Group>
  )
}

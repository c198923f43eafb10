import { periodLabels, type PeriodKey } from '../../review/period'
import { Chips } from '../Chips'

/** 本月 / 上月 / 本年: the periods the statistics pages offer. */
export function PeriodChips({
  value,
  onChange,
  className,
}: {
  value: PeriodKey
  onChange: (period: PeriodKey) => void
  className?: string
}) {
  return (
    <Chips
      className={className}
      items={(Object.keys(periodLabels) as PeriodKey[]).map((key) => ({
        value: key,
        label: periodLabels[key],
      }))}
      value={value}
      onChange={(key) => onChange(key as PeriodKey)}
    />
  )
}

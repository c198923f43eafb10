import { Switch as NutSwitch } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css'
import type { ComponentProps } from 'react'

type Props = ComponentProps<typeof NutSwitch> & {
  /** What the switch turns on, for screen readers: the cell title beside it is not its label. */
  label?: string
}

/**
 * NutUI's switch sets `ariaRole`, which WeChat reads as `aria-role` but which in H5 becomes an
 * invalid `aria-role` attribute (Lighthouse fails the page's ARIA audit). In H5 the real `role`,
 * `aria-checked` and `aria-label` attributes are set instead.
 */
export function Switch({ label, ...props }: Props) {
  if (process.env.TARO_ENV !== 'h5') return <NutSwitch {...props} />
  // NutUI's camel-case `ariaChecked` reached Stencil's element as aria-checked; a React <div>
  // drops it, and role="switch" without aria-checked fails the ARIA audit.
  const h5Props = {
    ...props,
    ariaRole: undefined,
    role: 'switch',
    'aria-label': label,
    'aria-checked': Boolean(props.checked ?? props.defaultChecked),
  } as Props
  return <NutSwitch {...h5Props} />
}

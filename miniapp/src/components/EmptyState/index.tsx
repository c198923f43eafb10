import { Image, Text, View } from '@tarojs/components'
import emptyImage from '../../ui/icons/empty.svg'
import './index.css'

/**
 * "Nothing here yet", with an illustration shipped inside the app (NutUI's Empty loads its
 * picture from a third-party CDN, which breaks offline and on closed government networks).
 * Same props as NutUI's Empty, so `Empty` from ui/nutui is this component.
 */
export function EmptyState({ description, className }: { description: string; className?: string }) {
  return (
    <View className={`mq-empty ${className ?? ''}`} role="status">
      {/* Decorative: the words below say it all (alt="" keeps screen readers quiet in H5). */}
      <Image className="mq-empty-image" src={emptyImage} mode="aspectFit" imgProps={{ alt: '' }} />
      <Text className="mq-empty-description">{description}</Text>
    </View>
  )
}

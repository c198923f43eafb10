import type { CoordinateSystem } from '@minqing/shared'
import Taro from '@tarojs/taro'
import { toStoredLocation, type StoredLocation } from './location'

/**
 * Where the phone is. WeChat gives GCJ-02 when asked; Taro's web runtime only gives the
 * browser's WGS-84 (asking it for gcj02 fails, which made 获取位置 always fail in H5).
 */
export async function locateHere(): Promise<StoredLocation> {
  const system: CoordinateSystem = process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02'
  const fix = await Taro.getLocation({ type: system })
  return toStoredLocation(fix, system)
}

import Taro from '@tarojs/taro'
import { privacyPurposes, type PrivacyPurpose } from '@minqing/shared'
import { createPrivacyGate, type StoredPrivacyDecision } from './privacyGate'

const key = 'minqing.privacyDecision'

/** The app's one privacy gate, its decision kept in the phone's storage. */
export const privacyGate = createPrivacyGate({
  read: () => (Taro.getStorageSync(key) as StoredPrivacyDecision | '') || null,
  write: (value) => (value ? Taro.setStorageSync(key, value) : Taro.removeStorageSync(key)),
})

// weapp: WeChat asks before its own privacy APIs and components; the same dialog answers.
if (process.env.TARO_ENV === 'weapp' && typeof Taro.onNeedPrivacyAuthorization === 'function') {
  Taro.onNeedPrivacyAuthorization((resolve) => privacyGate.onWechatNeedsAuthorization(resolve))
}

/**
 * Runs a privacy API only after the person agreed to the guide; on refusal says what still
 * works and answers null, so the form goes on without it.
 */
export async function withPrivacy<T>(purpose: PrivacyPurpose, run: () => Promise<T>): Promise<T | null> {
  if (!(await privacyGate.request(purpose))) {
    void Taro.showToast({ title: refusedHint[purpose], icon: 'none', duration: 2500 })
    return null
  }
  return run()
}

const refusedHint: Record<PrivacyPurpose, string> = {
  location: '未同意隐私保护指引，无法获取位置，可手动填写地址',
  photos: '未同意隐私保护指引，无法添加照片，可只填写文字',
  phoneNumber: '未同意隐私保护指引，请手动填写手机号',
}

export { privacyPurposes }

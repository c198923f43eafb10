/** What a removed piece of personal data is replaced with in public text, one word per kind. */
export const placeholders = {
  mobile: '[手机号]',
  landline: '[电话]',
  idNumber: '[身份证号]',
  bankCard: '[银行卡号]',
  plate: '[车牌号]',
  email: '[邮箱]',
  chatId: '[社交账号]',
  name: '[姓名]',
  address: '[地址]',
} as const

export type PersonalDataKind = keyof typeof placeholders

/** Bumped whenever the stripper's rules change, so stored stripped copies are recomputed. */
export const privacyRulesVersion = 1

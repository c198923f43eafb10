/**
 * The mini-program's privacy guide (隐私保护指引), shown before the first use of a privacy API
 * (location, photos, phone number) and from 我的 in weapp and H5. WeChat reviews this text
 * against the APIs the app declares, so every API the app uses is named here; the retention and
 * masking it promises are the server's (retention job, public-view stripper).
 *
 * Bump `version` whenever the text changes in substance: a stored agreement to an older version
 * is asked again.
 */
export const privacyGuide = {
  version: '2026-12-01',
  title: '民情通隐私保护指引',
  summary:
    '为办理您反映的诉求，我们需要使用您的位置、照片和手机号。我们只用于办理和回复您的诉求，公开展示时会去除您的个人信息。',
  sections: [
    {
      heading: '我们收集哪些信息',
      items: [
        '手机号：用于登录、接收办理进度短信和工作人员回访。可通过微信一键获取或手动填写。',
        '位置（您同意后才获取）：用于确定诉求发生地点，以便派给负责的单位。',
        '照片（您选择后才上传）：用于说明问题和核实办理结果。',
        '诉求内容、您的评价：用于办理、答复、督办和统计。',
        '微信标识（openid）：用于微信登录和发送您订阅的办理进度消息。',
      ],
    },
    {
      heading: '谁能看到',
      items: [
        '负责办理的单位承办人、其上级领导和系统管理员，仅在办理需要时查看；工作人员每次查看您的联系方式都会被记录，供审计。',
        '匿名反映时，工作人员看不到您的姓名、手机号和账号。',
        '只有您同意公开的诉求才会出现在“回音壁”等公开页面，公开前会自动去除手机号、身份证号、门牌号、姓名等信息，位置只显示到大致范围。',
        '我们不会把您的个人信息提供给其他单位或商业机构。',
      ],
    },
    {
      heading: '保存多久',
      items: [
        '诉求办结满 3 年后，系统自动删除或匿名化其中的手机号、姓名、精确位置和内容中的个人信息，只保留不含个人信息的统计数据。',
        '上传后未被任何诉求或走访使用的照片在 72 小时后自动删除。',
      ],
    },
    {
      heading: '您的权利',
      items: [
        '您可以随时在“我的—隐私保护指引”中查看本指引，撤回同意后仍可浏览公开内容。',
        '您可以查阅、更正您的信息，或联系系统管理员要求删除。',
        '拒绝授权不影响您浏览公开内容；需要位置或照片的功能会提示您手动填写或跳过。',
      ],
    },
  ],
} as const

/** The WeChat privacy APIs the app calls, and why — the same reasons app.json declares. */
export const privacyPurposes = {
  location: '用于确定诉求或走访发生的地点，以便派给负责的单位',
  photos: '用于拍摄或选择照片说明问题',
  phoneNumber: '用于登录和接收办理进度通知',
} as const

export type PrivacyPurpose = keyof typeof privacyPurposes

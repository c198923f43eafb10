/**
 * Every error the API can answer with. The code is the stable, machine-readable contract;
 * clients switch on it, never on the message text.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误，请检查后重试', en: 'The request is invalid' },
  INVALID_JSON: { status: 400, zh: '请求格式不是有效的 JSON', en: 'The request body is not valid JSON' },
  INVALID_ID: { status: 400, zh: '编号格式不正确', en: 'The id is malformed' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Authentication is required' },
  TOKEN_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'The access token has expired' },
  INVALID_TOKEN: { status: 401, zh: '登录凭证无效', en: 'The token is invalid' },
  INVALID_CREDENTIALS: {
    status: 401,
    zh: '手机号或密码错误；多次输错后需等待一段时间再试',
    en: 'Wrong phone number or password; after repeated failures, wait before retrying',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '密码错误次数过多，账号已暂时锁定，请稍后再试',
    en: 'Too many failed attempts; the account is temporarily locked',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'The record does not exist' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  DUPLICATE: { status: 409, zh: '记录已存在', en: 'The record already exists' },
  INVALID_TRANSITION: {
    status: 409,
    zh: '当前状态下不能执行此操作',
    en: 'This action is not possible in the current status',
  },
  CASE_CHANGED: {
    status: 409,
    zh: '该诉求刚被他人更新，请刷新后重试',
    en: 'The case changed meanwhile; reload it',
  },
  CONFLICT: { status: 409, zh: '与已有记录冲突', en: 'Conflicts with the existing record' },
  UPLOAD_OFFSET_MISMATCH: {
    status: 409,
    zh: '上传位置不一致，请从服务器已收到的位置继续',
    en: 'Resume the upload from the offset the server has received',
  },
  UNSUPPORTED_FILE_TYPE: {
    status: 415,
    zh: '仅支持 JPG、PNG、WebP 格式的图片',
    en: 'Only JPEG, PNG and WebP images are accepted',
  },
  REQUEST_ABORTED: { status: 400, zh: '请求被中断，请重试', en: 'The request was cut off; retry it' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many requests; slow down' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal server error' },
  WECHAT_LOGIN_FAILED: { status: 502, zh: '微信登录失败，请重试', en: 'WeChat login failed' },
  WECHAT_NOT_CONFIGURED: {
    status: 503,
    zh: '微信登录未配置，请使用其他方式登录',
    en: 'WeChat login is not configured on this server',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    zh: '数据库暂时不可用，请稍后再试',
    en: 'The database is temporarily unavailable',
  },
  NETWORK_ERROR: { status: 0, zh: '网络连接失败，请检查网络', en: 'The network request failed' },
  // WeChat mini-program (issue 17): verified phone numbers.
  WECHAT_PHONE_FAILED: {
    status: 502,
    zh: '未能从微信获取手机号，请重试或手动填写',
    en: 'WeChat did not give the phone number; retry or type it',
  },
  PHONE_IN_USE: {
    status: 409,
    zh: '该手机号已绑定其他账号，请用该手机号登录',
    en: 'This phone number belongs to another account; log in with it',
  },
  SMS_NOT_CONFIGURED: {
    status: 503,
    zh: '短信服务未配置，请使用其他方式登录',
    en: 'SMS is not configured on this server',
  },
  INVALID_SMS_CODE: {
    status: 401,
    zh: '验证码错误或已过期，请重新获取',
    en: 'The code is wrong or has expired; ask for a new one',
  },
  PHONE_NOT_SUPPORTED: {
    status: 400,
    zh: '仅支持中国大陆手机号',
    en: 'Only mainland China mobile numbers are supported',
  },
  // Privacy and public views (echo wall, topics)
  VERIFIED_RESIDENT_REQUIRED: {
    status: 403,
    zh: '请使用微信或手机号登录后再操作，游客账号不能点赞或举报',
    en: 'Sign in with WeChat or a phone number: guest accounts cannot support or report',
  },
  // Accounts and sessions (H3): login limits, the scrypt queue, forced password changes.
  TOO_MANY_ATTEMPTS: {
    status: 429,
    zh: '登录尝试过于频繁，请稍后再试',
    en: 'Too many login attempts; try again later',
  },
  SERVER_BUSY: { status: 503, zh: '服务器繁忙，请稍后重试', en: 'The server is busy; retry shortly' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '密码已被管理员重置，请先设置新密码',
    en: 'Your password was reset; set a new one first',
  },
  // --- abuse limits, retention, statistics caps (H4) ---
  STATS_PERIOD_TOO_LONG: {
    status: 400,
    zh: '统计时段过长，请缩短到400天以内',
    en: 'The statistics period is too long; ask for at most 400 days',
  },
  // --- Intake by operators, lookup by phone + code, ratings from every channel (issue 14) ---
  LOOKUP_NOT_FOUND: {
    status: 404,
    zh: '手机号或查询码不正确，请核对短信中的查询码',
    en: 'No case matches this phone number and query code',
  },
  LOOKUP_LOCKED: {
    status: 429,
    zh: '查询错误次数过多，请一小时后再试或拨打热线',
    en: 'Too many wrong query codes for this phone; try again in an hour',
  },
  RATING_LINK_INVALID: {
    status: 404,
    zh: '评价链接无效或已使用',
    en: 'This rating link is invalid or has been used',
  },
  RATING_NOT_OPEN: {
    status: 409,
    zh: '该诉求当前不在待评价状态',
    en: 'This case is not waiting for a rating',
  },
  SMS_SIGNATURE_INVALID: {
    status: 401,
    zh: '短信回执签名无效',
    en: 'The inbound SMS signature is invalid or stale',
  },
  // --- smart dispatch and the import of historical cases (issue #15) ---
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    zh: '无法读取文件，请上传 .xlsx 或 UTF-8 编码的 .csv 文件',
    en: 'The file cannot be read; send an .xlsx file or a UTF-8 .csv file',
  },
  IMPORT_COLUMNS_MISSING: {
    status: 400,
    zh: '表头缺少必填列（编号、标题、内容、分类、责任单位、提交时间）',
    en: 'The header row lacks required columns (编号, 标题, 内容, 分类, 责任单位, 提交时间)',
  },
  // --- household archives, repeat concerns, rectification lists (issue #16, registry) ---
  HOUSEHOLD_EXISTS: {
    status: 409,
    zh: '本单位已登记该户，请在民情档案中查找',
    en: 'This household is already registered in your unit; find it in the registry',
  },
  RECTIFICATION_CHANGED: {
    status: 409,
    zh: '该整改问题刚被他人更新，请刷新后重试',
    en: 'This rectification problem was changed meanwhile; reload and retry',
  },
  RECTIFICATION_STATE: {
    status: 409,
    zh: '该整改问题当前状态下不能进行此操作',
    en: 'This action is not possible in the problem’s current state',
  },
  // --- people and units managed, bulk org import, configuration audit (issue #16, org) ---
  SELF_CHANGE_REFUSED: {
    status: 409,
    zh: '不能停用自己或取消自己的管理员角色',
    en: 'You cannot disable yourself or remove your own admin role',
  },
  LAST_ADMIN: {
    status: 409,
    zh: '这是最后一个启用的管理员，不能停用或改为其他角色',
    en: 'This is the last active admin; it cannot be disabled or given another role',
  },
  UNIT_MOVE_CYCLE: {
    status: 409,
    zh: '不能把单位移到它自己或它的下级单位之下',
    en: 'A unit cannot move under itself or one of its own sub-units',
  },
  UNIT_DISABLED: {
    status: 409,
    zh: '该单位已停用',
    en: 'This unit is disabled',
  },
  IMPORT_SHEETS_MISSING: {
    status: 400,
    zh: '文件缺少“单位”和“人员”工作表，请使用下载的模板',
    en: 'The file lacks the sheets 单位 and 人员; use the downloaded template',
  },
  // --- bulk import / export of units and staff (issue #16, orgimport) ---
  ORG_IMPORT_COLUMNS_MISSING: {
    status: 400,
    zh: '工作表表头缺少必填列，请使用下载的模板',
    en: 'A sheet lacks required columns; use the downloaded template',
  },
  ORG_IMPORT_UNDONE: {
    status: 409,
    zh: '导入中途失败（可能有人同时修改了单位或人员），已撤销本次写入的全部内容，请重新校验后导入',
    en: 'The import failed part-way (units or staff changed meanwhile); everything it wrote was undone. Validate and import again',
  },
  // --- tenants (districts as tenants, issue #16) ---
  TENANT_MISMATCH: {
    status: 400,
    zh: '所选记录属于其他区县',
    en: 'The chosen record belongs to another district',
  },
  TENANT_UNKNOWN: {
    status: 400,
    zh: '区县代码不存在或已停用',
    en: 'No such district, or it is disabled',
  },
  CITY_LEVEL_ONLY: {
    status: 403,
    zh: '该配置全市统一，仅市级管理员可修改',
    en: 'This setting is city-wide; only a city-level admin may change it',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>

export type ErrorCode = keyof typeof errorCatalog

export function isErrorCode(value: unknown): value is ErrorCode {
  // hasOwnProperty, not Object.hasOwn: older WeChat JS engines lack ES2022 built-ins.
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorCatalog, value)
}

/**
 * The category tree shipped with a new installation; admins edit it afterwards. Codes are
 * stable identifiers (routing rules and statistics refer to them), names are what people see.
 * A child's code starts with its parent's code and a dot.
 */
export interface CategorySeed {
  code: string
  name: string
  children?: CategorySeed[]
}

export const defaultCategories: CategorySeed[] = [
  {
    code: 'culture',
    name: '文化服务',
    children: [
      { code: 'culture.facility', name: '文化设施' },
      { code: 'culture.library', name: '农家书屋' },
      { code: 'culture.opera', name: '送戏下乡' },
      { code: 'culture.broadcast', name: '广播电视村村通' },
      { code: 'culture.market', name: '文化市场' },
      { code: 'culture.netcafe', name: '网吧' },
    ],
  },
  {
    code: 'utility',
    name: '水电气暖',
    children: [
      { code: 'utility.water', name: '供水' },
      { code: 'utility.power', name: '供电' },
      { code: 'utility.gas', name: '燃气' },
      { code: 'utility.heating', name: '供暖' },
    ],
  },
  {
    code: 'urban',
    name: '城市管理',
    children: [
      { code: 'urban.road', name: '道路设施' },
      { code: 'urban.sanitation', name: '环境卫生' },
      { code: 'urban.noise', name: '噪音扰民' },
    ],
  },
  {
    code: 'housing',
    name: '住房物业',
    children: [
      { code: 'housing.property', name: '物业服务' },
      { code: 'housing.repair', name: '房屋维修' },
    ],
  },
  { code: 'social', name: '社会保障', children: [{ code: 'social.elderly', name: '养老服务' }] },
  { code: 'other', name: '其他' },
]

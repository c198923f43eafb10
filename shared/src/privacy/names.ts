import { placeholders } from './placeholders'

/**
 * Common family names (about 200 single, the usual compound ones). Characters that are more
 * often ordinary words right after "我是" (农, 司, 车, 时, 路, 和, 全, 党 …) are left out on
 * purpose: "我是农民" must stay.
 */
const singleSurnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤康施牛樊葛邢乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛翁冉骆蓝辛靳柴蒙鲍喻祁蒲房滕屈饶牟艾尤穆卓吉缪项芦麦褚娄窦戚岑费卜冷晏席卫柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘苑迟邝'
const compoundSurnames = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '夏侯',
]

/** Characters that end a name: particles, verbs and nouns that follow a name in a sentence. */
const stopChars = new Set(
  Array.from(
    '的了在住家是和与及跟同给向对从到把被说讲反投要想就也都还又很不没有今昨这那里啊呀吧呢嘛哈电手号微联身户楼栋村路街区社居业人们我你他她先女阿师',
  ),
)

const han = '\\u4e00-\\u9fa5'
/** Introducers that are followed by a name only sometimes: the name must start with a family name. */
const looseIntroducers = '我的名字叫|我的名字是|本人叫|本人是|我叫|我是|俺叫|俺是|名叫|本人'
/** Labels that are always followed by a name. */
const labels = '姓名|名字|联系人|户主|反映人|报告人|申请人|当事人|求助人|投诉人'

const loose = new RegExp(
  `(${looseIntroducers})([ \\t]*)(${compoundSurnames.join('|')}|[${singleSurnames}])([${han}]{0,2})`,
  'g',
)
const labelled = new RegExp(`(${labels})([ \\t]*[:：是为叫]?[ \\t]*)([${han}·]{2,4})`, 'g')

const untilStop = (chars: string) => {
  let end = 0
  while (end < chars.length && !stopChars.has(chars[end]!)) end += 1
  return chars.slice(0, end)
}

/** Names after "我叫 / 我是 / 本人 / 姓名：…" become [姓名]; the introducer stays. */
export function stripNames(text: string): string {
  return text
    .replace(labelled, (whole, label: string, gap: string, chars: string) => {
      const name = untilStop(chars)
      if (name.length < 2) return whole
      return `${label}${gap}${placeholders.name}${chars.slice(name.length)}`
    })
    .replace(loose, (_whole, intro: string, gap: string, surname: string, chars: string) => {
      // Privacy first: a family name with nothing name-like after it still takes one character.
      const given = untilStop(chars) || chars.slice(0, 1)
      return `${intro}${gap}${placeholders.name}${chars.slice(given.length)}`
    })
}

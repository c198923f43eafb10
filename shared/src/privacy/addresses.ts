import { allMatches } from './allMatches'
import { placeholders } from './placeholders'

const numeral = '(?:\\d+|[零〇一二三四五六七八九十百两]+|[A-Z])'
const unit = '(?:号楼|号院|号房|单元|栋|幢|座|室|房|号|层|楼|组|弄)'
/** A run of "number + unit" pieces, optionally ending in a bare room number: 5栋2单元301. */
const chain = new RegExp(`(?:${numeral}[ \\t]*${unit}[ \\t]*)+(?:\\d{3,4}(?!\\d))?`, 'g')
const piece = new RegExp(`(${numeral})[ \\t]*(${unit})`, 'g')

/** Units that name a building, entrance or flat whatever number they carry. */
const strongUnits = new Set(['号楼', '号院', '号房', '单元', '弄'])
/** Units that are a flat or building only with a real number: "301室" yes, "三室两厅" no. */
const numberedUnits = new Set(['座', '室', '房'])
/** Buildings: "九栋" yes, but "一栋楼" / "两栋房子" count buildings. */
const buildingUnits = new Set(['栋', '幢'])
/** A door number follows a road, lane, village or compound name: 人民路12号, 幸福村3组. */
const placeSuffix = /[路街巷道村里弄院庄屯同区寨湾坊苑]$/

function isAddress(
  whole: string,
  pieces: Array<{ num: string; unit: string }>,
  before: string,
  after: string,
) {
  // "第一单元" is a chapter or an ordinal, not an entrance.
  if (pieces.length === 1 && /第$/.test(before)) return false
  if (pieces.some((p) => strongUnits.has(p.unit))) return true
  if (pieces.some((p) => buildingUnits.has(p.unit) && !/^[一两几]$/.test(p.num))) return true
  if (pieces.some((p) => numberedUnits.has(p.unit) && (/\d/.test(p.num) || p.num.length >= 2))) return true
  const first = pieces[0]!
  // A bare number after the pieces is a room: 3楼301.
  if (/\d[ \t]*$/.test(whole) && !/(号|组|楼|层|单元|栋|幢|座|室|房|弄|号院|号房)[ \t]*$/.test(whole))
    return true
  if (
    pieces.length >= 2 &&
    pieces.some((p) => p.unit === '号' || numberedUnits.has(p.unit) || buildingUnits.has(p.unit))
  )
    return true
  if ((first.unit === '号' || first.unit === '组') && placeSuffix.test(before) && !/^线/.test(after))
    return true
  return false
}

/**
 * Building, unit, room and door numbers, with Arabic or Chinese numerals (5号楼3单元201室,
 * 五号楼三单元二〇一室, 人民路12号), become [地址]. A floor alone ("3楼") and dates ("12月3号")
 * are not addresses and stay.
 */
export function stripAddresses(text: string): string {
  return text
    .replace(/门牌(号码?|号)?[ \t]*[:：是为]?[ \t]*\d+[ \t]*号?/g, `门牌${placeholders.address}`)
    .replace(chain, (whole: string, offset: number, all: string) => {
      const pieces = allMatches(piece, whole).map((m) => ({ num: m[1]!, unit: m[2]! }))
      const after = all.slice(offset + whole.length)
      if (!isAddress(whole, pieces, all.slice(0, offset), after)) return whole
      const trailing = /[ \t]*$/.exec(whole)![0]
      return `${placeholders.address}${trailing}`
    })
}

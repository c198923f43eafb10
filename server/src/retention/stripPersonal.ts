import { maskIdNumber, maskName, maskPhone } from '@minqing/shared'

/**
 * Free text with the personal data we can recognise masked: ID numbers, mobile numbers, names
 * after "我叫 / 姓名 / 联系人", door numbers. The one place retention strips text: when the shared
 * privacy module's `stripPersonalData` lands (helper H1), this function becomes a call to it.
 */
export function stripPersonal(text: string): string
export function stripPersonal(text: string | null | undefined): string | null
export function stripPersonal(text: string | null | undefined): string | null {
  if (!text) return text ?? null
  return (
    text
      // 18-character resident ID numbers before phones: an ID contains 11-digit runs.
      .replace(/(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])/g, (id) => maskIdNumber(id)!)
      .replace(/(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g, (phone) => maskPhone(phone)!)
      // Landlines: 010-12345678, 0571 8765 4321.
      .replace(/(?<![0-9])0[0-9]{2,3}[- ]?[0-9]{3,4}[- ]?[0-9]{4}(?![0-9])/g, (phone) =>
        '*'.repeat(phone.length),
      )
      .replace(
        /(我叫|我是|姓名[:：]?|联系人[:：]?|业主[:：]?)([\u4e00-\u9fa5]{2,4})/g,
        (_, marker: string, name: string) => `${marker}${maskName(name)!}`,
      )
      .replace(/[0-9０-９]+(?=号楼|号院|号|栋|幢|单元|室|楼)/g, '**')
  )
}

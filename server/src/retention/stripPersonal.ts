import { stripPersonalData } from '@minqing/shared'

/** Retention strips text with the one shared privacy stripper (the same one every public view uses). */
export function stripPersonal(text: string): string
export function stripPersonal(text: string | null | undefined): string | null
export function stripPersonal(text: string | null | undefined): string | null {
  if (!text) return text ?? null
  return stripPersonalData(text)
}

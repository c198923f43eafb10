import type {
  OrgImportResponse,
  OpenWork,
  ReassignInput,
  UpdateUnitInput,
  managedUnitSchema,
} from '@minqing/shared'
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import { api } from './client'

/** Bulk import of units and staff (issue 16): a dry run first, then the real import. */
export const uploadOrgFile = (filePath: string, parentId: string, dryRun: boolean) =>
  api.upload<OrgImportResponse>(`/imports/org?parentId=${parentId}&dryRun=${dryRun}`, filePath)

/** Rename or move a unit; the server refuses a move under itself (UNIT_MOVE_CYCLE). */
export const updateUnit = (unitId: string, patch: UpdateUnitInput) =>
  api.request<z.output<typeof managedUnitSchema>>('PATCH', `/units/${unitId}`, { body: patch })

export const reassignWork = (userId: string, input: ReassignInput) =>
  api.post<unknown>(`/users/${userId}/open-work/reassign`, input)

export type { OpenWork }

/**
 * Lets the admin pick one .xlsx file and answers a path uploadFile can send: a blob URL from a
 * file input in H5 (Taro has no file chooser there), a chat file in the mini-program.
 */
export async function chooseXlsx(): Promise<{ path: string; name: string } | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      input.style.display = 'none'
      input.addEventListener('change', () => {
        const file = input.files?.[0]
        input.remove()
        resolve(file ? { path: URL.createObjectURL(file), name: file.name } : null)
      })
      document.body.appendChild(input)
      input.click()
    })
  }
  const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
  const file = tempFiles[0]
  return file ? { path: file.path, name: file.name } : null
}

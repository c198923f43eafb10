import { AppError } from '@minqing/shared'
import Taro from '@tarojs/taro'
import { api } from '../api/client'
import { sessionStore } from '../session/sessionStore'

export interface DownloadProgress {
  /** Bytes received so far. */
  received: number
  /** Rows the ledger will hold (X-Total-Rows, sent before the body). */
  totalRows: number | null
  /** 0–1: exact in the mini-program when the size is known; an estimate while an H5 stream runs. */
  share: number
}

/** Rough bytes per ledger row, to turn bytes into a share while streaming (xlsx is zipped). */
const bytesPerRow = { xlsx: 90, csv: 260 }

const filenameOf = (disposition: string | null, fallback: string) => {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/)?.[1]
  return encoded ? decodeURIComponent(encoded) : fallback
}

/**
 * Downloads a ledger (`/exports/cases.xlsx?…`) with progress. The request needs the login token,
 * which a plain link cannot send: H5 streams it with fetch and saves the blob; the mini-program
 * uses downloadFile and opens the document. A call to /me first renews an expired token.
 */
export async function downloadLedger(
  path: string,
  onProgress: (progress: DownloadProgress) => void,
): Promise<{ filename: string; rows: number | null }> {
  await api.get('/me')
  const token = sessionStore.get()?.accessToken ?? ''
  const url = `${API_BASE}/api/v1${path}`
  const format = path.includes('.csv') ? 'csv' : 'xlsx'
  const fallback = `台账.${format}`

  if (process.env.TARO_ENV === 'h5') {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } })
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null
      throw new AppError((body?.error?.code as never) ?? 'NETWORK_ERROR')
    }
    const totalRows = Number(response.headers.get('X-Total-Rows') ?? NaN)
    const rows = Number.isFinite(totalRows) ? totalRows : null
    const expected = Math.max(1, (rows ?? 0) * bytesPerRow[format])
    const reader = response.body.getReader()
    const chunks: Uint8Array[] = []
    let received = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.byteLength
      onProgress({ received, totalRows: rows, share: Math.min(0.95, received / expected) })
    }
    onProgress({ received, totalRows: rows, share: 1 })
    const filename = filenameOf(response.headers.get('Content-Disposition'), fallback)
    const link = document.createElement('a')
    link.href = URL.createObjectURL(
      new Blob(chunks as BlobPart[], { type: response.headers.get('Content-Type') ?? '' }),
    )
    link.download = filename
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
    return { filename, rows }
  }

  const task = Taro.downloadFile({ url, header: { Authorization: `Bearer ${token}` } })
  task.onProgressUpdate((update) =>
    onProgress({
      received: update.totalBytesWritten,
      totalRows: null,
      share:
        update.totalBytesExpectedToWrite > 0
          ? update.totalBytesWritten / update.totalBytesExpectedToWrite
          : 0,
    }),
  )
  const result = await task
  if (result.statusCode !== 200) throw new AppError('NETWORK_ERROR')
  // WeChat opens office documents (xlsx) but not CSV; the CSV stays in the temporary file.
  if (format === 'xlsx')
    await Taro.openDocument({ filePath: result.tempFilePath, fileType: 'xlsx', showMenu: true })
  return { filename: fallback, rows: null }
}

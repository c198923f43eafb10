import { AppError, apiPrefix, type Session } from '@minqing/shared'

export interface TransportRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  data?: unknown
  header: Record<string, string>
}
export interface TransportResponse {
  statusCode: number
  data: unknown
}
/** Sends one HTTP request; throws only when the network itself failed. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>

export interface SessionStore {
  get(): Session | null
  set(session: Session | null): void
}

export interface ApiClientOptions {
  baseUrl: string
  transport: Transport
  session: SessionStore
  /** Called once the session cannot be renewed (refresh token rejected): send the user to login. */
  onSessionLost?: () => void
  /** Waits between retries; injectable so tests do not sleep. */
  sleep?: (ms: number) => Promise<void>
}

export interface RequestOptions {
  body?: unknown
  /** false for login and other public calls. */
  auth?: boolean
}

const retryDelaysMs = [300, 1000]

/**
 * The one way the mini-app talks to the server: attaches the access token, renews it once with
 * the refresh token when it has expired (one renewal shared by concurrent calls), retries reads
 * on network failure and 503, and turns every error answer into a typed AppError.
 */
export function createApiClient(options: ApiClientOptions) {
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)))
  let refreshing: Promise<Session | null> | null = null

  async function send(
    method: TransportRequest['method'],
    path: string,
    request: RequestOptions,
  ): Promise<TransportResponse> {
    const header: Record<string, string> = { 'content-type': 'application/json' }
    const session = request.auth === false ? null : options.session.get()
    if (session) header.Authorization = `Bearer ${session.accessToken}`
    const attempts = method === 'GET' ? retryDelaysMs.length + 1 : 1
    for (let attempt = 1; ; attempt++) {
      let response: TransportResponse | undefined
      try {
        response = await options.transport({
          url: `${options.baseUrl}${apiPrefix}${path}`,
          method,
          data: request.body,
          header,
        })
      } catch (cause) {
        if (attempt >= attempts) throw new AppError('NETWORK_ERROR', { cause })
      }
      if (response && (response.statusCode !== 503 || attempt >= attempts)) return response
      await sleep(retryDelaysMs[attempt - 1] ?? 1000)
    }
  }

  async function renewSession(): Promise<Session | null> {
    const current = options.session.get()
    if (!current) return null
    const response = await send('POST', '/auth/refresh', {
      body: { refreshToken: current.refreshToken },
      auth: false,
    })
    if (response.statusCode !== 200) {
      options.session.set(null)
      options.onSessionLost?.()
      return null
    }
    const renewed = response.data as Session
    options.session.set(renewed)
    return renewed
  }

  async function request<T>(
    method: TransportRequest['method'],
    path: string,
    request: RequestOptions = {},
  ): Promise<T> {
    let response = await send(method, path, request)
    if (
      response.statusCode === 401 &&
      request.auth !== false &&
      errorCode(response.data) === 'TOKEN_EXPIRED'
    ) {
      refreshing ??= renewSession().finally(() => {
        refreshing = null
      })
      if (await refreshing) response = await send(method, path, request)
    }
    if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T
    throw AppError.fromBody(response.data)
  }

  return {
    request,
    get: <T>(path: string) => request<T>('GET', path),
    post: <T>(path: string, body?: unknown, auth = true) => request<T>('POST', path, { body, auth }),
  }
}

export type ApiClient = ReturnType<typeof createApiClient>

function errorCode(body: unknown): string | undefined {
  return (body as { error?: { code?: string } } | null)?.error?.code
}

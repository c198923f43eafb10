import { createServer, type Server } from 'node:http'
import type Koa from 'koa'
import type { Config } from './config/config'

/**
 * The HTTP server for the app, with its limits from the configuration. Node checks request and
 * header deadlines only every `connectionsCheckingInterval` (30 s by default), so a client
 * dribbling a body was held for a minute or more past the limit: the check runs ten times per
 * limit instead. Connections over `maxConnections` are dropped at accept.
 */
export function createHttpServer(app: Koa, config: Config): Server {
  const requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS
  const server = createServer(
    {
      requestTimeout,
      // Node refuses a header deadline longer than the whole request's.
      headersTimeout: Math.min(config.HTTP_HEADERS_TIMEOUT_MS, requestTimeout),
      keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestTimeout / 10))),
    },
    app.callback(),
  )
  server.maxConnections = config.HTTP_MAX_CONNECTIONS
  return server
}

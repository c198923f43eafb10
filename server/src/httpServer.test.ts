import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { testApp } from '../test/testApp'
import { createHttpServer } from './httpServer'

const servers: Array<{ close(): unknown; closeAllConnections(): void }> = []
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
})

async function listening(env: Record<string, string>) {
  const { app, deps } = testApp({ env })
  const server = createHttpServer(app, deps.config)
  servers.push(server)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return { server, port: (server.address() as AddressInfo).port }
}

describe('HTTP server limits', () => {
  it('cuts a client that sends its body slowly at the configured request timeout, with 408', async () => {
    const { port } = await listening({ HTTP_REQUEST_TIMEOUT_MS: '500', HTTP_HEADERS_TIMEOUT_MS: '500' })
    const socket = net.connect(port, '127.0.0.1')
    await once(socket, 'connect')
    const bodyLength = 200
    socket.write(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${bodyLength}\r\n\r\n`,
    )
    let answer = ''
    socket.on('data', (chunk) => (answer += String(chunk)))
    socket.on('error', () => undefined) // a write racing the server's close
    // One byte every 50 ms: the whole body would take 10 s, twenty times the limit.
    let sent = 0
    const drip = setInterval(() => {
      if (sent < bodyLength && socket.writable) {
        socket.write(' ')
        sent++
      }
    }, 50)
    await once(socket, 'close')
    clearInterval(drip)
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
    expect(sent).toBeLessThan(bodyLength)
  })

  it('drops connections beyond the configured maximum', async () => {
    const { server, port } = await listening({ HTTP_MAX_CONNECTIONS: '1' })
    const first = net.connect(port, '127.0.0.1')
    await once(server, 'connection')
    const dropped = once(server, 'drop')
    const second = net.connect(port, '127.0.0.1')
    second.on('error', () => undefined)
    let secondAnswer = ''
    second.on('data', (chunk) => (secondAnswer += String(chunk)))
    second.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n')
    await dropped
    await once(second, 'close')
    expect(secondAnswer).toBe('')
    // The connection inside the limit is still served.
    let firstAnswer = ''
    first.on('data', (chunk) => (firstAnswer += String(chunk)))
    first.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')
    await once(first, 'close')
    expect(firstAnswer).toMatch(/^HTTP\/1\.1 200/)
  })
})

import net from 'node:net'

/**
 * A TCP proxy for a bad mobile network: every chunk is delayed (order kept), and every connection
 * is cut at a random moment within `maxLifeMs` — clients keep connections alive, so cutting only
 * some new connections would hardly ever hit a request in flight. Returns the port to connect to.
 */
export async function lossyProxy(
  target: { host: string; port: number },
  options: { maxDelayMs: number; maxLifeMs: number },
) {
  let dropped = 0
  let connections = 0
  const server = net.createServer((client) => {
    connections++
    const upstream = net.connect(target.port, target.host)
    const relay = (from: net.Socket, to: net.Socket) => {
      let queue = Promise.resolve()
      from.on('data', (chunk) => {
        const delay = Math.random() * options.maxDelayMs
        queue = queue.then(
          () =>
            new Promise<void>((resolve) =>
              setTimeout(() => {
                if (!to.destroyed) to.write(chunk)
                resolve()
              }, delay),
            ),
        )
      })
      from.on('end', () => void queue.then(() => to.end()))
    }
    relay(client, upstream)
    relay(upstream, client)
    const close = () => {
      client.destroy()
      upstream.destroy()
    }
    client.on('error', close)
    upstream.on('error', close)
    client.on('close', close)
    upstream.on('close', close)
    const cut = setTimeout(() => {
      if (client.destroyed) return
      dropped++
      close()
    }, Math.random() * options.maxLifeMs)
    client.on('close', () => clearTimeout(cut))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    stats: () => ({ connections, dropped }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * Random hex. Browsers have crypto.getRandomValues; the WeChat mini-program runtime has no global
 * `crypto`, so there Math.random fills in: client ids need uniqueness (time + randomness), not
 * secrecy. The H5-only guest device id always has real crypto.
 */
export function randomHex(bytes: number): string {
  const values = new Uint8Array(bytes)
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } })
    .crypto
  if (webCrypto?.getRandomValues) webCrypto.getRandomValues(values)
  else for (let i = 0; i < bytes; i++) values[i] = Math.floor(Math.random() * 256)
  return Array.from(values, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** A random id made once per draft, so a retried submit is recognised by the server. */
export function newClientId(): string {
  return `${Date.now().toString(36)}-${randomHex(10)}`
}

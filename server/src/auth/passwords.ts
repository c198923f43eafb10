import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { hashSlots } from './hashSlots'

// scrypt from Node's own crypto (OpenSSL): maintained, no native add-on to compile.
// N=2^15, r=8, p=1 is OWASP's current minimum recommendation for scrypt: the production default.
export const defaultHashCost = 15
const r = 8
const p = 1
const keyLength = 64

/** log2 of scrypt's N for new hashes; old hashes keep verifying with the parameters stored in them. */
let hashCost = defaultHashCost

/** Set once at start-up from PASSWORD_HASH_COST (and low by the test setup, so fixtures stay cheap). */
export function setPasswordHashCost(cost: number): void {
  if (!Number.isInteger(cost) || cost < 1 || cost > 20) throw new Error(`bad password hash cost ${cost}`)
  hashCost = cost
  decoyHash = undefined
}

function scrypt(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

const maxmemFor = (n: number, blockSize: number) => 128 * n * blockSize * 2

async function hash(password: string): Promise<string> {
  const salt = randomBytes(16)
  const n = 2 ** hashCost
  const key = await hashSlots.run(() =>
    scrypt(password, salt, keyLength, { N: n, r, p, maxmem: maxmemFor(n, r) }),
  )
  return ['scrypt', n, r, p, salt.toString('base64'), key.toString('base64')].join('$')
}

/**
 * Checks a password against a stored `scrypt$N$r$p$salt$key` hash, with the parameters stored in
 * it. `whenBusy: 'refuse'` (logins) answers 503 SERVER_BUSY at once when the scrypt queue is full.
 */
async function verify(
  password: string,
  stored: string,
  options: { whenBusy?: 'wait' | 'refuse' } = {},
): Promise<boolean> {
  const [scheme, n, blockSize, parallel, saltText, keyText] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !blockSize || !parallel || !saltText || !keyText) return false
  const expected = Buffer.from(keyText, 'base64')
  const scryptOptions = {
    N: Number(n),
    r: Number(blockSize),
    p: Number(parallel),
    maxmem: maxmemFor(Number(n), Number(blockSize)),
  }
  const work = () => scrypt(password, Buffer.from(saltText, 'base64'), expected.length, scryptOptions)
  const actual = await (options.whenBusy === 'refuse' ? hashSlots.tryRun(work) : hashSlots.run(work))
  return timingSafeEqual(actual, expected)
}

/** True when a stored hash is cheaper than what new hashes get, so a login can upgrade it. */
function isWeakerThanCurrent(stored: string): boolean {
  const n = Number(stored.split('$')[1])
  return !Number.isFinite(n) || n < 2 ** hashCost
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let decoyHash: Promise<string> | undefined
function decoy(): Promise<string> {
  decoyHash ??= hash(randomBytes(12).toString('hex'))
  return decoyHash
}

/** One object, so a test can count verifications with `vi.spyOn(passwords, 'verify')`. */
export const passwords = { hash, verify, decoy, isWeakerThanCurrent }

export const hashPassword = (password: string) => passwords.hash(password)

/** Applies the password settings of the configuration (start-up and the admin CLI). */
export function configurePasswords(config: {
  PASSWORD_HASH_COST: number
  PASSWORD_HASH_CONCURRENCY: number
  PASSWORD_HASH_QUEUE: number
}): void {
  setPasswordHashCost(config.PASSWORD_HASH_COST)
  hashSlots.configure({ concurrency: config.PASSWORD_HASH_CONCURRENCY, queue: config.PASSWORD_HASH_QUEUE })
}

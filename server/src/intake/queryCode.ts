import { queryCodeAlphabet, queryCodeLength } from '@minqing/shared'
import { createHmac, randomInt } from 'node:crypto'
import type { AppDeps } from '../http/deps'

/** A fresh query code from the unambiguous alphabet (crypto randomness: it guards the lookup). */
export function newQueryCode(): string {
  let code = ''
  for (let i = 0; i < queryCodeLength; i++) code += queryCodeAlphabet[randomInt(queryCodeAlphabet.length)]
  return code
}

/** What a lookup searches by: the code never appears in a query filter or an index in clear. */
export function lookupKey(deps: Pick<AppDeps, 'urlSecret'>, phone: string, code: string): string {
  return createHmac('sha256', `${deps.urlSecret}:lookup`)
    .update(`${phone}|${code.toUpperCase()}`)
    .digest('base64url')
}

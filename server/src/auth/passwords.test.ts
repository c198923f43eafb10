import { describe, expect, it } from 'vitest'
import { testPasswordHashCost } from '../../test/passwordCost'
import { loadConfig } from '../config/config'
import { configurePasswords, defaultHashCost, passwords, setPasswordHashCost } from './passwords'

describe('password hashes', () => {
  it('hash at the configured cost and carry their parameters, so any cost verifies later', async () => {
    const cheap = await passwords.hash('correct-horse-battery')
    expect(cheap.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** testPasswordHashCost), '8', '1'])

    setPasswordHashCost(defaultHashCost)
    try {
      const production = await passwords.hash('correct-horse-battery')
      expect(production.split('$')[1]).toBe(String(2 ** defaultHashCost))
      // Both verify whatever the current cost is: the parameters come from the stored hash.
      expect(await passwords.verify('correct-horse-battery', cheap)).toBe(true)
      expect(await passwords.verify('correct-horse-battery', production)).toBe(true)
      expect(await passwords.verify('wrong-horse-battery', production)).toBe(false)
      expect(passwords.isWeakerThanCurrent(cheap)).toBe(true)
      expect(passwords.isWeakerThanCurrent(production)).toBe(false)
    } finally {
      setPasswordHashCost(testPasswordHashCost)
    }
    expect(await passwords.verify('correct-horse-battery', cheap)).toBe(true)
  })

  it('use the production cost unless PASSWORD_HASH_COST is set, as only the vitest configs set it', async () => {
    // The cheap test cost reaches the tests through the environment and the configuration.
    expect(process.env.PASSWORD_HASH_COST).toBe(String(testPasswordHashCost))
    const fromEnvironment = () => loadConfig({ PASSWORD_HASH_COST: process.env.PASSWORD_HASH_COST })
    expect(fromEnvironment().PASSWORD_HASH_COST).toBe(testPasswordHashCost)
    // Where the variable is absent (production, `npm start`), start-up configures 2^15.
    configurePasswords(loadConfig({}))
    try {
      expect((await passwords.hash('correct-horse-battery')).split('$')[1]).toBe(String(2 ** defaultHashCost))
    } finally {
      configurePasswords(fromEnvironment())
    }
    expect((await passwords.hash('correct-horse-battery')).split('$')[1]).toBe(
      String(2 ** testPasswordHashCost),
    )
  })

  it('refuses a garbled stored hash instead of throwing', async () => {
    expect(await passwords.verify('x', 'bcrypt$whatever')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { testPasswordHashCost } from '../../test/passwordCost'
import { defaultHashCost, passwords, setPasswordHashCost } from './passwords'

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

  it('refuses a garbled stored hash instead of throwing', async () => {
    expect(await passwords.verify('x', 'bcrypt$whatever')).toBe(false)
  })
})

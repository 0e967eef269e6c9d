// Node keeps better-sqlite3's own build; Electron gets the build-electron copy, or a clear error.
import { describe, expect, it } from 'vitest'
import { sqliteNativeBinding } from '../../main/native-binding.ts'

describe('sqliteNativeBinding', () => {
  it('leaves Node on the default build', () => {
    expect(sqliteNativeBinding({ node: '20.20.2' }, () => true)).toBeUndefined()
  })

  it('points Electron at the build-electron addon', () => {
    const path = sqliteNativeBinding({ node: '22.0.0', electron: '45.4.1' }, () => true)
    expect(path).toMatch(/better-sqlite3[/\\]build-electron[/\\]better_sqlite3\.node$/)
  })

  it('says what to do when the Electron build is missing', () => {
    expect(() => sqliteNativeBinding({ electron: '45.4.1' }, () => false)).toThrow(/no build for Electron 45\.4\.1.*npm install/)
  })
})

// The settings folder matches Electron's userData for "Receptive" on each platform, with an override.
import { describe, expect, it } from 'vitest'
import { settingsDir } from '../../main/settings-dir.ts'

describe('settingsDir', () => {
  it('follows each platform and honours the override', () => {
    expect(settingsDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Receptive')
    expect(settingsDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/u')).toBe('/cfg/Receptive')
    expect(settingsDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Receptive')
    expect(settingsDir({ RECEPTIVE_SETTINGS_DIR: '/tmp/r' }, 'linux', '/home/u')).toBe('/tmp/r')
  })
})

// The window's security switches (RELIABILITY A2–A9, A11) are all set, whatever the theme.
import { describe, expect, it } from 'vitest'
import { windowOptions } from '../../../main/electron/window-options.ts'

describe('windowOptions', () => {
  for (const dark of [false, true]) {
    it(`isolates and sandboxes the renderer (${dark ? 'dark' : 'light'})`, () => {
      const web = windowOptions({ preload: '/app/out/preload/index.cjs', dark }).webPreferences
      expect(web).toMatchObject({
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
      })
      expect(web).not.toHaveProperty('enableBlinkFeatures')
    })
  }

  it('waits for ready-to-show and paints the theme colour first', () => {
    const light = windowOptions({ preload: 'p', dark: false })
    const dark = windowOptions({ preload: 'p', dark: true })
    expect(light.show).toBe(false)
    expect(light.backgroundColor).not.toBe(dark.backgroundColor)
  })

  it('opens at the restored bounds when given them, else 1280×800 wherever the system puts it', () => {
    const bounds = { x: -1200, y: 40, width: 1000, height: 700 }
    expect(windowOptions({ preload: 'p', dark: false, bounds })).toMatchObject(bounds)
    const fresh = windowOptions({ preload: 'p', dark: false })
    expect(fresh).toMatchObject({ width: 1280, height: 800 })
    expect(fresh).not.toHaveProperty('x')
  })
})

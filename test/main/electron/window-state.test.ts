// Window state survives a relaunch on real files, and saved bounds are fitted to today's displays:
// a monitor removed, a smaller or scaled screen, a window partly off-screen, a damaged state file.
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIN_SIZE } from '../../../main/electron/window-options.ts'
import { fitToDisplays, loadWindowState, saveWindowState, WINDOW_STATE_FILE } from '../../../main/electron/window-state.ts'
import { tempDir } from '../store/files.ts'

const min = MIN_SIZE
const laptop = { x: 0, y: 0, width: 1440, height: 875 } // work area below the menu bar, in DIPs
const right = { x: 1440, y: 0, width: 2560, height: 1415 }

describe('fitToDisplays', () => {
  it('keeps bounds that lie on a display', () => {
    expect(fitToDisplays({ x: 100, y: 50, width: 1000, height: 700 }, [laptop, right], min)).toEqual({ x: 100, y: 50, width: 1000, height: 700 })
    expect(fitToDisplays({ x: 2000, y: 100, width: 1600, height: 1000 }, [laptop, right], min)).toEqual({ x: 2000, y: 100, width: 1600, height: 1000 })
  })

  it('centres a window from a monitor that has gone on the primary, shrunk to fit it', () => {
    expect(fitToDisplays({ x: 2000, y: 100, width: 1600, height: 1000 }, [laptop], min)).toEqual({ x: 0, y: 0, width: 1440, height: 875 })
    expect(fitToDisplays({ x: -3000, y: 200, width: 1000, height: 600 }, [laptop], min)).toEqual({ x: 220, y: 137, width: 1000, height: 600 })
  })

  it('moves a window that hangs off an edge back inside the display it mostly covers', () => {
    expect(fitToDisplays({ x: 1000, y: -40, width: 1000, height: 700 }, [laptop], min)).toEqual({ x: 440, y: 0, width: 1000, height: 700 })
    // only a corner lies on a monitor left of the primary (negative x): it moves wholly onto that one
    const left = { x: -1920, y: 0, width: 1920, height: 1040 }
    expect(fitToDisplays({ x: -300, y: 900, width: 1200, height: 600 }, [laptop, left], min)).toEqual({ x: -1200, y: 440, width: 1200, height: 600 })
  })

  it('after a DPI change makes the work area smaller, shrinks to it but not below the minimum size otherwise', () => {
    const scaled = { x: 0, y: 0, width: 960, height: 560 } // 1920×1120 at 200 %
    expect(fitToDisplays({ x: 0, y: 0, width: 1400, height: 850 }, [scaled], min)).toEqual({ x: 0, y: 0, width: 960, height: 560 })
    expect(fitToDisplays({ x: 10, y: 10, width: 300, height: 200 }, [laptop], min)).toEqual({ x: 10, y: 10, width: 800, height: 500 })
    const tiny = { x: 0, y: 0, width: 640, height: 480 }
    expect(fitToDisplays({ x: 0, y: 0, width: 1000, height: 700 }, [tiny], min)).toEqual(tiny)
  })
})

describe('window-state file', () => {
  let dir: string
  let cleanup: () => void
  beforeEach(() => ({ dir, cleanup } = tempDir()))
  afterEach(() => cleanup())

  it('round-trips bounds, maximized and full-screen, leaving no temporary file', () => {
    expect(loadWindowState(dir)).toBeNull()
    const state = { bounds: { x: -1200, y: 40, width: 1280, height: 800 }, maximized: true, fullscreen: false }
    saveWindowState(dir, state)
    expect(loadWindowState(dir)).toEqual(state)
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE])
  })

  it.each([
    ['not JSON', '{"format":"receptive.window/1","bou'],
    ['another format', JSON.stringify({ format: 'x', bounds: { x: 0, y: 0, width: 10, height: 10 } })],
    ['fractional bounds', JSON.stringify({ format: 'receptive.window/1', bounds: { x: 0.5, y: 0, width: 10, height: 10 } })],
    ['a zero size', JSON.stringify({ format: 'receptive.window/1', bounds: { x: 0, y: 0, width: 0, height: 10 } })],
    ['strings', JSON.stringify({ format: 'receptive.window/1', bounds: { x: '0', y: 0, width: 10, height: 10 } })],
    ['null', 'null'],
  ])('reads a file holding %s as no state', (_what, text) => {
    writeFileSync(join(dir, WINDOW_STATE_FILE), text)
    expect(loadWindowState(dir)).toBeNull()
  })
})

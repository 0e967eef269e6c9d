// The window's size, place, maximized and full-screen state, kept across launches (RELIABILITY.md C5)
// in <settings>/window-state.json, and fitted to the displays there are now: a window saved on a
// monitor that has gone, or larger than the screen it lands on, opens whole on a present one.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from '../store/atomic-file.ts'

export interface Rect { x: number; y: number; width: number; height: number }

export interface WindowState { bounds: Rect; maximized: boolean; fullscreen: boolean }

export const WINDOW_STATE_FILE = 'window-state.json'
const FORMAT = 'receptive.window/1'

const isInt = (v: unknown): v is number => Number.isSafeInteger(v)

/** the saved state, or null when there is none or it is not one we wrote */
export function loadWindowState(settingsDir: string): WindowState | null {
  let parsed: unknown
  try { parsed = JSON.parse(readFileSync(join(settingsDir, WINDOW_STATE_FILE), 'utf8')) } catch { return null }
  const s = parsed as { format?: unknown; bounds?: Partial<Record<keyof Rect, unknown>>; maximized?: unknown; fullscreen?: unknown }
  const b = s?.bounds
  if (s?.format !== FORMAT || !b || ![b.x, b.y, b.width, b.height].every(isInt)) return null
  if ((b.width as number) <= 0 || (b.height as number) <= 0) return null
  return {
    bounds: { x: b.x as number, y: b.y as number, width: b.width as number, height: b.height as number },
    maximized: s.maximized === true,
    fullscreen: s.fullscreen === true,
  }
}

/** written atomically: a crash while quitting leaves the previous state, never half a file */
export function saveWindowState(settingsDir: string, state: WindowState): void {
  writeFileAtomic(join(settingsDir, WINDOW_STATE_FILE), `${JSON.stringify({ format: FORMAT, ...state })}\n`)
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/**
 * Fits saved bounds to the displays' work areas (the primary first): the window goes to the display it
 * overlaps most, or is centred on the primary when it overlaps none; it is shrunk to that work area
 * (not below `min` unless the area itself is smaller) and moved until it lies wholly inside it.
 */
export function fitToDisplays(saved: Rect, workAreas: readonly Rect[], min: { width: number; height: number }): Rect {
  if (workAreas.length === 0) return saved
  const best = workAreas.reduce((a, b) => (overlap(saved, b) > overlap(saved, a) ? b : a))
  const onScreen = overlap(saved, best) > 0
  const area = onScreen ? best : workAreas[0]
  const width = Math.min(Math.max(saved.width, min.width), area.width)
  const height = Math.min(Math.max(saved.height, min.height), area.height)
  const clamp = (v: number, lo: number, span: number, size: number) => Math.min(Math.max(v, lo), lo + span - size)
  if (!onScreen) {
    return { x: area.x + Math.floor((area.width - width) / 2), y: area.y + Math.floor((area.height - height) / 2), width, height }
  }
  return { x: clamp(saved.x, area.x, area.width, width), y: clamp(saved.y, area.y, area.height, height), width, height }
}

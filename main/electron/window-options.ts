// The options of Receptive's window, as a plain function so tests can check every security switch
// without Electron: isolated, sandboxed, no Node, web security on, no webview, no insecure content.
import type { BrowserWindowConstructorOptions } from 'electron'
import type { Rect } from './window-state.ts'

export const MIN_SIZE = { width: 800, height: 500 }

export interface WindowSettings {
  /** the bundled preload (CommonJS, as a sandboxed preload must be) */
  preload: string
  /** the system theme is dark: paint that colour before the page loads (no white flash) */
  dark: boolean
  /** where the window was last time, already fitted to the displays (window-state.ts); centred 1280×800 when absent */
  bounds?: Rect
}

export function windowOptions({ preload, dark, bounds }: WindowSettings): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? { width: 1280, height: 800 }),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Receptive',
    show: false, // shown on ready-to-show
    backgroundColor: dark ? '#17191d' : '#f6f7f9', // theme.css --bg
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  }
}

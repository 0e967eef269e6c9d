// The options of Receptive's window, as a plain function so tests can check every security switch
// without Electron: isolated, sandboxed, no Node, web security on, no webview, no insecure content.
import type { BrowserWindowConstructorOptions } from 'electron'

export interface WindowSettings {
  /** the bundled preload (CommonJS, as a sandboxed preload must be) */
  preload: string
  /** the system theme is dark: paint that colour before the page loads (no white flash) */
  dark: boolean
}

export function windowOptions({ preload, dark }: WindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
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

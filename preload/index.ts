// The preload: exposes the contract's API as window.receptive and nothing else (no ipcRenderer,
// no Node). Bundled as CommonJS with its dependencies, as a sandboxed preload must be.
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge.ts'

contextBridge.exposeInMainWorld('receptive', createBridge(ipcRenderer))

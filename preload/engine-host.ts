// The hidden window host's preload (main/services/runs/window-host.ts): it hands the MessagePort main
// posts on 'receptive:engine-port' to the page (engine/host/window-entry.ts), and exposes nothing else.
// The channel name is engine/host/port-channel.ts's PORT_MESSAGE, written out: a preload imports only
// electron and the contract.
import { ipcRenderer } from 'electron'

const PORT_MESSAGE = 'receptive:engine-port'

ipcRenderer.once(PORT_MESSAGE, (e) => window.postMessage(PORT_MESSAGE, '*', e.ports))

// The host's end of the pipe to main over a web MessagePort: what the hidden window host gets from main
// under Electron (main keeps the other end, a MessagePortMain). Messages are structured clones, so
// weights cross as Float32Arrays, as with child_process's advanced serialization.

import type { HostChannel } from './host-session.ts'

/** the channel main posts the port on and the message the window host's preload re-posts it with */
export const PORT_MESSAGE = 'receptive:engine-port'

/** the part of a DOM (or worker_threads) MessagePort a host uses */
export interface PortLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void
  start(): void
}

export function portChannel(port: PortLike): HostChannel<unknown> {
  return {
    send: async (msg) => port.postMessage(msg),
    onMessage: (listener) => {
      port.addEventListener('message', (e) => listener(e.data))
      port.start()
    },
  }
}

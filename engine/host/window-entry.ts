// The engine host's entry in a page: Electron's hidden, sandboxed window host for WebGPU runs, where the
// engine reaches Chromium's WebGPU through navigator.gpu (Dawn's Node addon cannot map buffers inside
// Electron, and a utility process has no navigator.gpu). Main hands over a MessagePort (its preload
// re-posts it to the page as 'receptive:engine-port'); the job then runs exactly as in node-entry.ts, and
// the window closes once the final event is sent.

import { serveJob } from './host-session.ts'
import { PORT_MESSAGE, portChannel } from './port-channel.ts'
import { trainJob } from './train-job.ts'

window.addEventListener('message', function take(e: MessageEvent) {
  if (e.data !== PORT_MESSAGE || e.source !== window || !e.ports[0]) return
  window.removeEventListener('message', take)
  void serveJob(portChannel(e.ports[0]), trainJob).then(() => window.close())
})

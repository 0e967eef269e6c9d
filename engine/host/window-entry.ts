// The engine host's entry in a page: Electron's hidden, sandboxed window host for WebGPU runs, where the
// engine reaches Chromium's WebGPU through navigator.gpu (Dawn's Node addon cannot map buffers inside
// Electron, and a utility process has no navigator.gpu). Main hands over a MessagePort (the window's
// preload, preload/engine-host.ts, re-posts it to the page); the training job then runs as in a Node host
// with its data sent by main (window-job.ts), and the window closes once the final event is sent.

import { PORT_MESSAGE } from './port-channel.ts'
import { serveWindowJob } from './window-job.ts'

window.addEventListener('message', function take(e: MessageEvent) {
  if (e.data !== PORT_MESSAGE || e.source !== window || !e.ports[0]) return
  window.removeEventListener('message', take)
  void serveWindowJob(e.ports[0]).then(() => window.close())
})

// The window host's job: a training run whose data comes from main over the same port as the host
// protocol. Data replies are taken off the port before the protocol sees them; everything else is the
// training job exactly as a Node host runs it. Imports no Node module, so it bundles for a page.

import { serveJob, type HostChannel } from './host-session.ts'
import type { PortLike } from './port-channel.ts'
import { isDataMessage, remoteTrainData, type DataReply } from './train-data.ts'
import { trainJobWith } from './train-job.ts'

/** runs the one job main sends over `port`; resolves with the exit code once the final event is sent */
export function serveWindowJob(port: PortLike): Promise<number> {
  const data = remoteTrainData(m => port.postMessage(m))
  const channel: HostChannel<unknown> = {
    send: async (msg) => port.postMessage(msg),
    onMessage: (listener) => {
      port.addEventListener('message', (e) => (isDataMessage(e.data) ? data.receive(e.data as DataReply) : listener(e.data)))
      port.start()
    },
  }
  return serveJob(channel, trainJobWith(data.open))
}

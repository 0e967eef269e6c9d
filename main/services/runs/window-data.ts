// Main's half of the window host's data (engine/host/train-data.ts): the page has no file system, so
// main opens the run's dataset with engine/data, as a Node host would, and answers the page's requests
// with decoded arrays: the training split as each epoch draws it (once, when nothing is augmented) and
// the validation split with the first answer.

import { loadDataset, type LoadedDataset } from '../../../engine/data/load.ts'
import { parseDatasetSpec } from '../../../engine/data/spec.ts'
import { wireSplit, type DataReply, type DataRequest } from '../../../engine/host/train-data.ts'

/** answers one run's data requests */
export type DataServer = (req: DataRequest) => Promise<DataReply>

const message = (err: unknown) => (err instanceof Error ? err.message : String(err))

/** a server for the dataset spec `dataset`, opened on the first request */
export function serveDataset(dataset: unknown, load: (spec: unknown) => Promise<LoadedDataset> = spec => loadDataset(parseDatasetSpec(spec), { cacheDir: process.env.RECEPTIVE_DATA_CACHE })): DataServer {
  let opened: Promise<LoadedDataset> | null = null
  let sent = false
  return async ({ epoch }) => {
    try {
      const data = await (opened ??= load(dataset))
      data.setEpoch(epoch)
      const validation = !sent && data.validation ? wireSplit(data.validation) : null
      sent = true
      return { type: 'data', epoch, augmented: Object.keys(data.spec.augmentation).length > 0, train: wireSplit(data.train), validation }
    } catch (err) {
      return { type: 'data', epoch, error: message(err) }
    }
  }
}

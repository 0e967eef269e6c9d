// A Node host's training data: it reads the dataset itself (main only names it), through the shared
// decoded-data cache main points it to. Kept apart from train-job.ts so the window host's bundle has no
// file-system code in it.

import { loadDataset } from '../data/load.ts'
import { parseDatasetSpec } from '../data/spec.ts'
import type { OpenTrainData } from './train-data.ts'

export const openNodeData: OpenTrainData = (dataset, signal) =>
  loadDataset(parseDatasetSpec(dataset), { signal, cacheDir: process.env.RECEPTIVE_DATA_CACHE })

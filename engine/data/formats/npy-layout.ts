// Where the channel axis of a NumPy sample is. Receptive is channels-first ([C, ...spatial], 1 to 3
// spatial axes); NumPy data comes as [L], [H, W], [H, W, C] (Keras), [C, H, W] (PyTorch), [D, H, W]…
// The guess, when the user gives no layout: rank 1 and 2 have no channel axis; rank 3 is channels-last
// when the last axis is 1, 3 or 4 and the first is not, channels-first when the first axis is ≤ 4,
// else a volume without channels; rank 4 is channels-last when the last axis is 1, 3 or 4 and the first is not.

import type { ImportOptions } from '../format.ts'

export interface SampleLayout {
  /** channels-first shape of one sample */
  readonly inputShape: number[]
  /** stored as [...spatial, C] */
  readonly channelsLast: boolean
}

const isChannelCount = (n: number) => n === 1 || n === 3 || n === 4

/** the layout of samples of stored shape `dims`; throws a reason string when no layout fits */
export function sampleLayout(dims: readonly number[], layout: ImportOptions['layout']): SampleLayout {
  const rank = dims.length
  const chosen = layout ?? guess(dims)
  const result: SampleLayout = chosen === 'no-channel' ? { inputShape: [1, ...dims], channelsLast: false }
    : chosen === 'channels-first' ? { inputShape: [...dims], channelsLast: false }
      : { inputShape: [dims[rank - 1], ...dims.slice(0, -1)], channelsLast: true }
  const spatial = result.inputShape.length - 1
  if (spatial < 1 || spatial > 3) {
    throw new Error(`samples of shape [${dims.join(', ')}] read as ${chosen} have ${spatial} spatial axes; 1 to 3 are supported`)
  }
  return result
}

function guess(dims: readonly number[]): NonNullable<ImportOptions['layout']> {
  const first = dims[0], last = dims[dims.length - 1]
  if (dims.length <= 2) return 'no-channel'
  if (isChannelCount(last) && !isChannelCount(first)) return 'channels-last'
  if (dims.length === 3) return first <= 4 ? 'channels-first' : 'no-channel'
  return 'channels-first'
}

// Pooling in model.py: nn.MaxPoolNd / nn.AvgPoolNd when the padding is symmetric (max pads with −∞, the
// average leaves padding out of the count, as the engine), else an F.pad or the AvgPoolPadded helper;
// Lp pooling and pooling over channels as helper modules; global pools as a mean or max over positions.

import type { ChannelPoolNode, GlobalPoolNode, LpPoolNode, PoolNode } from '../../graph/spec.ts'
import { byRank, type LayerToPy } from './layer-code.ts'
import { padArg, padded, str, symmetric, tuple } from './python-text.ts'

export const maxpool: LayerToPy<PoolNode> = ({ node, info, name, inputs: [x] }) => {
  const pads = info.pads!, inline = symmetric(pads)
  const args = [tuple(node.window), `stride=${tuple(node.stride ?? node.window)}`]
  if (inline && padded(pads)) args.push(`padding=${tuple(pads.map(([lo]) => lo))}`)
  return {
    module: `${byRank('MaxPool', node.window.length)}(${args.join(', ')})`,
    expr: `self.${name}(${inline || !padded(pads) ? x : `F.pad(${x}, ${padArg(pads)}, value=-math.inf)`})`,
  }
}

export const avgpool: LayerToPy<PoolNode> = ({ node, info, name, inputs: [x] }) => {
  const pads = info.pads!, stride = tuple(node.stride ?? node.window)
  if (!symmetric(pads)) {
    return { module: `AvgPoolPadded(${tuple(node.window)}, ${stride}, ${padArg(pads)})`, expr: `self.${name}(${x})`, helpers: ['avgpad'] }
  }
  const args = [tuple(node.window), `stride=${stride}`]
  if (padded(pads)) args.push(`padding=${tuple(pads.map(([lo]) => lo))}`, 'count_include_pad=False')
  return { module: `${byRank('AvgPool', node.window.length)}(${args.join(', ')})`, expr: `self.${name}(${x})` }
}

export const lppool: LayerToPy<LpPoolNode> = ({ node, info, name, inputs: [x] }) => ({
  module: `LpPool(${tuple(node.window)}, ${tuple(node.stride ?? node.window)}, ${padArg(info.pads!)}, ${node.p ?? 2})`,
  expr: `self.${name}(${x})`,
  helpers: ['lppool'],
})

const spatialAxes = (rank: number) => tuple(Array.from({ length: rank }, (_, i) => i + 2))

export const globalavgpool: LayerToPy<GlobalPoolNode> = ({ info, inputs: [x] }) =>
  ({ expr: `${x}.mean(dim=${spatialAxes(info.inputShapes[0].length - 1)})` })

export const globalmaxpool: LayerToPy<GlobalPoolNode> = ({ info, inputs: [x] }) =>
  ({ expr: `${x}.amax(dim=${spatialAxes(info.inputShapes[0].length - 1)})` })

export const channelpool: LayerToPy<ChannelPoolNode> = ({ node, name, inputs: [x] }) => ({
  module: `ChannelPool(${node.groupSize}, ${str(node.mode ?? 'max')})`,
  expr: `self.${name}(${x})`,
  helpers: ['channelpool'],
})

// The convolutions in model.py: nn.ConvNd (padding given to it when symmetric, else an F.pad first;
// a true convolution loads its kernels mirrored), and the Unshared and Tiled helper modules.

import type { ConvNode, LocalNode, TiledNode } from '../../graph/spec.ts'
import { byRank, weightAndBias, type LayerToPy } from './layer-code.ts'
import { padArg, padded, symmetric, tuple } from './python-text.ts'

export const conv: LayerToPy<ConvNode> = ({ node, info, name, inputs: [x] }) => {
  const [c] = info.inputShapes[0], rank = node.kernel.length, pads = info.pads!
  const inline = symmetric(pads)
  const args = [String(c), String(node.filters), tuple(node.kernel)]
  if (node.stride?.some((s) => s !== 1)) args.push(`stride=${tuple(node.stride)}`)
  if (inline && padded(pads)) args.push(`padding=${tuple(pads.map(([lo]) => lo))}`)
  if (node.dilation?.some((d) => d !== 1)) args.push(`dilation=${tuple(node.dilation)}`)
  if (node.bias === false) args.push('bias=False')
  return {
    module: `${byRank('Conv', rank)}(${args.join(', ')})`,
    expr: `self.${name}(${inline || !padded(pads) ? x : `F.pad(${x}, ${padArg(pads)})`})`,
    params: weightAndBias(node.bias),
    flip: node.flip === true,
  }
}

const geometry = (node: LocalNode | TiledNode, pads: [number, number][]) =>
  `${tuple(node.kernel)}, ${tuple(node.stride ?? node.kernel.map(() => 1))}, ${padArg(pads)}`

const biasArg = (node: LocalNode | TiledNode) => (node.bias === false ? ', bias=False' : '')

export const local: LayerToPy<LocalNode> = ({ node, info, name, inputs: [x] }) => ({
  module: `Unshared(${info.inputShapes[0][0]}, ${node.filters}, ${geometry(node, info.pads!)}, ${tuple(info.shape!.slice(1))}${biasArg(node)})`,
  expr: `self.${name}(${x})`,
  params: weightAndBias(node.bias),
  helpers: ['unshared'],
})

export const tiled: LayerToPy<TiledNode> = ({ node, info, name, inputs: [x] }) => ({
  module: `Tiled(${info.inputShapes[0][0]}, ${node.filters}, ${node.tiles}, ${geometry(node, info.pads!)}, ${tuple(info.shape!.slice(1))}${biasArg(node)})`,
  expr: `self.${name}(${x})`,
  params: weightAndBias(node.bias),
  helpers: ['tiled'],
})

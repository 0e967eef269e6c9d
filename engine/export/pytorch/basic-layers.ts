// Everything that does not slide a window, in model.py: nn.Linear, flatten, the activations, softmax over
// channels, nn.BatchNormNd (scale, shift and running statistics by PyTorch's names), nn.Dropout (kept, so
// training further drops as the engine did), sums and channel concatenation.

import type {
  ActivationNode, AddNode, BatchNormNode, ConcatNode, DenseNode, DropoutNode, FlattenNode, LeakyReluNode, SoftmaxNode,
} from '../../graph/spec.ts'
import { byRank, weightAndBias, type LayerToPy } from './layer-code.ts'
import { num } from './python-text.ts'

export const dense: LayerToPy<DenseNode> = ({ node, info, name, inputs: [x] }) => ({
  module: `nn.Linear(${info.inputShapes[0][0]}, ${node.units}${node.bias === false ? ', bias=False' : ''})`,
  expr: `self.${name}(${x})`,
  params: weightAndBias(node.bias),
})

export const flatten: LayerToPy<FlattenNode> = ({ inputs: [x] }) => ({ expr: `torch.flatten(${x}, 1)` })

export const relu: LayerToPy<ActivationNode> = ({ inputs: [x] }) => ({ expr: `F.relu(${x})` })
export const sigmoid: LayerToPy<ActivationNode> = ({ inputs: [x] }) => ({ expr: `torch.sigmoid(${x})` })
export const tanh: LayerToPy<ActivationNode> = ({ inputs: [x] }) => ({ expr: `torch.tanh(${x})` })
export const leakyrelu: LayerToPy<LeakyReluNode> = ({ node, inputs: [x] }) => ({ expr: `F.leaky_relu(${x}, ${num(node.slope ?? 0.01)})` })
export const softmax: LayerToPy<SoftmaxNode> = ({ inputs: [x] }) => ({ expr: `F.softmax(${x}, dim=1)` })

export const dropout: LayerToPy<DropoutNode> = ({ node, name, inputs: [x] }) =>
  ({ module: `nn.Dropout(${num(node.rate ?? 0.5)})`, expr: `self.${name}(${x})` })

export const batchnorm: LayerToPy<BatchNormNode> = ({ node, info, name, inputs: [x] }) => {
  const [c, ...spatial] = info.inputShapes[0]
  return {
    // a flat [N, C] input is BatchNorm1d's other form
    module: `${byRank('BatchNorm', Math.max(spatial.length, 1))}(${c}, eps=${num(node.eps ?? 1e-5)}, momentum=${num(node.momentum ?? 0.1)})`,
    expr: `self.${name}(${x})`,
    params: { scale: 'weight', shift: 'bias', runningMean: 'running_mean', runningVar: 'running_var' },
  }
}

export const add: LayerToPy<AddNode> = ({ inputs }) => ({ expr: inputs.join(' + ') })
export const concat: LayerToPy<ConcatNode> = ({ inputs }) => ({ expr: `torch.cat([${inputs.join(', ')}], dim=1)` })

// A model spec as a self-contained PyTorch file: Model(nn.Module) with one attribute per layer that owns
// a module and a forward() written out node by node, the helper modules it uses, and load(weights_path)
// reading weights.npz (np.load without pickle) into it and returning it in eval mode. The text depends
// on the spec and metadata only, never on the weights' values, so it is stable and snapshot-tested.

import type { NodeSpec, OpName } from '../../graph/spec.ts'
import type { ExportMetadata } from '../metadata.ts'
import type { ExportModel } from '../prepare.ts'
import * as basic from './basic-layers.ts'
import * as convs from './conv-layers.ts'
import { helperText, type Helper } from './helpers.ts'
import type { LayerToPy } from './layer-code.ts'
import * as pools from './pool-layers.ts'
import { pythonNames, str, tuple } from './python-text.ts'

type Table = { [K in Exclude<OpName, 'input'>]: LayerToPy<Extract<NodeSpec, { op: K }>> }

const LAYERS: Table = { ...convs, ...pools, ...basic }

/** a Python list literal, or None */
const list = <T>(vs: readonly T[] | undefined, item: (v: T) => string) => (vs ? `[${vs.map((v) => item(v)).join(', ')}]` : 'None')

export function modelPy(model: ExportModel, meta: ExportMetadata): string {
  const names = pythonNames(model.nodes.map(({ node }) => node.id))
  const vars = new Map<string, string>()
  const init: string[] = [], forward: string[] = [], weights: string[] = [], flipped: string[] = []
  const helpers = new Set<Helper>()
  for (const { node, info } of model.nodes) {
    if (node.op === 'input') {
      vars.set(node.id, 'x')
      continue
    }
    const name = names.get(node.id)!
    const code = (LAYERS[node.op] as unknown as LayerToPy)({ node, info, name, inputs: node.inputs!.map((id) => vars.get(id)!) })
    if (code.module) init.push(`        self.${name} = ${code.module}`)
    forward.push(`        ${name} = ${code.expr}  # ${node.id}: ${node.op} -> ${info.shape!.join('x')}`)
    vars.set(node.id, name)
    for (const [param, entry] of Object.entries(code.params ?? {})) weights.push(`    ${str(`${node.id}.${param}`)}: ${str(`${name}.${entry}`)},`)
    if (code.flip) flipped.push(str(`${node.id}.weight`))
    for (const h of code.helpers ?? []) helpers.add(h)
  }
  const title = meta.name ? `${meta.name}, exported` : 'Exported'
  return [
    `# ${title} from ${meta.producer.name} ${meta.producer.version}: the model as a PyTorch nn.Module.`,
    '# load() builds it, reads the weights from weights.npz beside this file and returns it in eval mode.',
    '# Inputs are float32 [batch, *INPUT_SHAPE], normalised per channel first: (x - MEAN) / STD.',
    'import math',
    'import os',
    '',
    'import numpy as np',
    'import torch',
    'import torch.nn.functional as F',
    'from torch import nn',
    '',
    `INPUT_SHAPE = ${tuple(model.inputShape)}`,
    `CLASSES = ${list(meta.classes, str)}`,
    `MEAN = ${list(meta.normalization?.mean, String)}`,
    `STD = ${list(meta.normalization?.std, String)}`,
    '',
    ...helperText(helpers).flatMap((text) => ['', text, '']),
    '',
    'class Model(nn.Module):',
    '    def __init__(self):',
    '        super().__init__()',
    ...(init.length ? init : ['        pass']),
    '',
    '    def forward(self, x):',
    ...forward,
    `        return ${vars.get(model.spec.output)}`,
    '',
    '',
    '# weights.npz entry -> parameter or buffer of Model',
    'WEIGHTS = {',
    ...weights,
    '}',
    '# true-convolution kernels: Receptive stores them unmirrored, nn.Conv correlates',
    `FLIPPED = ${flipped.length ? `{${flipped.join(', ')}}` : 'set()'}`,
    '',
    '',
    'def load(weights_path=None):',
    '    """The model with its trained weights, in eval mode. weights_path defaults to weights.npz beside this file."""',
    '    model = Model()',
    '    path = weights_path or os.path.join(os.path.dirname(os.path.abspath(__file__)), "weights.npz")',
    '    state = {}',
    '    with np.load(path, allow_pickle=False) as npz:',
    '        for key, target in WEIGHTS.items():',
    '            array = npz[key]',
    '            if key in FLIPPED:',
    '                array = np.flip(array, tuple(range(2, array.ndim)))',
    '            state[target] = torch.from_numpy(np.ascontiguousarray(array, dtype=np.float32))',
    '    missing, unexpected = model.load_state_dict(state, strict=False)',
    '    missing = [k for k in missing if not k.endswith("num_batches_tracked")]',
    '    if missing or unexpected:',
    '        raise ValueError(f"{path} does not fit this model: missing {missing}, unexpected {unexpected}")',
    '    return model.eval()',
    '',
  ].join('\n')
}

// Template graphs to start from, one per idea of the lecture: LeNet-5, a small VGG, an all-convolutional net,
// maxout, locally connected and tiled convolution, a 1D net for audio and a 3D net for volumes.
// Each is a plain chain of layers; `spec()` builds a fresh copy the caller may edit.

import { FORMAT, type ModelSpec, type NodeSpec } from './spec.ts'

type Layer = NodeSpec extends infer N ? (N extends NodeSpec ? Omit<N, 'inputs'> : never) : never

export interface Template {
  title: string
  summary: string
  spec(): ModelSpec
}

/** links every layer to the one before it; the last layer is the output */
function chain(shape: number[], layers: Layer[]): ModelSpec {
  const nodes: NodeSpec[] = [{ id: 'input', op: 'input', shape }]
  for (const layer of layers) nodes.push({ ...layer, inputs: [nodes[nodes.length - 1].id] } as NodeSpec)
  return { format: FORMAT, nodes, output: nodes[nodes.length - 1].id }
}

const conv = (id: string, filters: number, kernel: number[], more: Partial<Extract<Layer, { op: 'conv' }>> = {}): Layer =>
  ({ id, op: 'conv', filters, kernel, ...more })
const relu = (id: string): Layer => ({ id, op: 'relu' })
const maxpool = (id: string, window: number[]): Layer => ({ id, op: 'maxpool', window })
const dense = (id: string, units: number): Layer => ({ id, op: 'dense', units })

export const TEMPLATES: Record<string, Template> = {
  lenet5: {
    title: 'LeNet-5',
    summary: 'the classic digit recogniser: two convolution + pooling stages, then three dense layers',
    spec: () => chain([1, 28, 28], [
      conv('conv1', 6, [5, 5], { padding: 'same' }), relu('relu1'), maxpool('pool1', [2, 2]),
      conv('conv2', 16, [5, 5]), relu('relu2'), maxpool('pool2', [2, 2]),
      { id: 'flatten', op: 'flatten' }, dense('fc1', 120), relu('relu3'), dense('fc2', 84), relu('relu4'), dense('fc3', 10),
    ]),
  },
  vgg: {
    title: 'Small VGG',
    summary: 'stacks of 3×3 convolutions with pooling between them, for 32×32 colour images',
    spec: () => chain([3, 32, 32], [
      conv('conv1a', 32, [3, 3], { padding: 'same' }), relu('relu1a'), conv('conv1b', 32, [3, 3], { padding: 'same' }), relu('relu1b'), maxpool('pool1', [2, 2]),
      conv('conv2a', 64, [3, 3], { padding: 'same' }), relu('relu2a'), conv('conv2b', 64, [3, 3], { padding: 'same' }), relu('relu2b'), maxpool('pool2', [2, 2]),
      conv('conv3a', 128, [3, 3], { padding: 'same' }), relu('relu3a'), conv('conv3b', 128, [3, 3], { padding: 'same' }), relu('relu3b'), maxpool('pool3', [2, 2]),
      { id: 'flatten', op: 'flatten' }, dense('fc1', 256), relu('relu4'), { id: 'drop', op: 'dropout', rate: 0.5 }, dense('fc2', 10),
    ]),
  },
  allconv: {
    title: 'All-convolutional',
    summary: 'no pooling and no dense layers: strided convolutions shrink the image, global averaging gives the scores',
    spec: () => chain([3, 32, 32], [
      conv('conv1', 32, [3, 3], { padding: 'same' }), relu('relu1'),
      conv('down1', 32, [3, 3], { padding: 'same', stride: [2, 2] }), relu('relu2'),
      conv('conv2', 64, [3, 3], { padding: 'same' }), relu('relu3'),
      conv('down2', 64, [3, 3], { padding: 'same', stride: [2, 2] }), relu('relu4'),
      conv('conv3', 64, [3, 3], { padding: 'same' }), relu('relu5'),
      conv('scores', 10, [1, 1]), { id: 'gap', op: 'globalavgpool' },
    ]),
  },
  maxout: {
    title: 'Maxout',
    summary: 'pooling over channels: each unit keeps the largest of a group of filters, learning its own activation',
    spec: () => chain([1, 28, 28], [
      conv('conv1', 32, [5, 5], { padding: 'same' }), { id: 'maxout1', op: 'channelpool', groupSize: 2 }, maxpool('pool1', [2, 2]),
      conv('conv2', 64, [5, 5], { padding: 'same' }), { id: 'maxout2', op: 'channelpool', groupSize: 2 }, maxpool('pool2', [2, 2]),
      { id: 'flatten', op: 'flatten' }, dense('fc1', 200), { id: 'maxout3', op: 'channelpool', groupSize: 4 }, dense('fc2', 10),
    ]),
  },
  local: {
    title: 'Locally connected',
    summary: 'an unshared convolution: every position learns its own filters, with no parameter sharing',
    spec: () => chain([1, 28, 28], [
      conv('conv1', 16, [5, 5]), relu('relu1'), maxpool('pool1', [2, 2]),
      { id: 'local1', op: 'local', filters: 16, kernel: [3, 3] }, relu('relu2'),
      { id: 'flatten', op: 'flatten' }, dense('fc', 10),
    ]),
  },
  tiled: {
    title: 'Tiled convolution',
    summary: 'convolutions whose 2×2 sets of filters take turns over neighbouring positions',
    spec: () => chain([1, 28, 28], [
      { id: 'tiled1', op: 'tiled', filters: 16, kernel: [5, 5], tiles: 2 }, relu('relu1'), maxpool('pool1', [2, 2]),
      { id: 'tiled2', op: 'tiled', filters: 32, kernel: [3, 3], tiles: 2 }, relu('relu2'), maxpool('pool2', [2, 2]),
      { id: 'flatten', op: 'flatten' }, dense('fc', 10),
    ]),
  },
  audio1d: {
    title: '1D audio net',
    summary: 'one-dimensional convolutions over one second of 8 kHz sound',
    spec: () => chain([1, 8000], [
      conv('conv1', 32, [80], { stride: [4] }), { id: 'bn1', op: 'batchnorm' }, relu('relu1'), maxpool('pool1', [4]),
      conv('conv2', 32, [3]), { id: 'bn2', op: 'batchnorm' }, relu('relu2'), maxpool('pool2', [4]),
      conv('conv3', 64, [3]), { id: 'bn3', op: 'batchnorm' }, relu('relu3'), maxpool('pool3', [4]),
      { id: 'gap', op: 'globalavgpool' }, dense('fc', 10),
    ]),
  },
  volume3d: {
    title: '3D volume net',
    summary: 'three-dimensional convolutions over a 16×16×16 voxel volume',
    spec: () => chain([1, 16, 16, 16], [
      conv('conv1', 8, [3, 3, 3], { padding: 'same' }), relu('relu1'), maxpool('pool1', [2, 2, 2]),
      conv('conv2', 16, [3, 3, 3], { padding: 'same' }), relu('relu2'), maxpool('pool2', [2, 2, 2]),
      conv('conv3', 32, [3, 3, 3], { padding: 'same' }), relu('relu3'),
      { id: 'gap', op: 'globalavgpool' }, dense('fc', 10),
    ]),
  },
}

// Receptive's engine: tensors on a backend, define-by-run autograd and differentiable ops.
// This file is the public API (issue 3); tools and later issues import from here only.
export { Tensor, type TensorOptions } from './tensor.ts'
export { noGrad, isGradEnabled } from './autograd.ts'
export { ops } from './ops/index.ts'
export type { BatchNormOptions, RunningStats } from './ops/batch-norm.ts'
export type { DropoutOptions } from './ops/dropout.ts'
export type { MatmulOptions } from './ops/matmul.ts'
export { getBackend, setBackend, backendReason, type BackendChoice } from './backend/select.ts'
export type { Backend, DeviceBuffer, DType } from './backend/backend.ts'
export { setPrecision, getPrecision, withFloat64, type Precision } from './precision.ts'

export { FORMAT, GraphError, TEMPLATES, inferShapes, validateSpec, type ModelSpec, type NodeSpec, type ShapeReport } from './graph/index.ts'
export { buildModel, type BuildOptions, type ForwardOptions, type Model } from './graph/build.ts'
export { INITIALIZERS, initValues, type Initializer } from './layers/init.ts'
export { Optimizer, adam, adamw, sgd, learningRate, checkSchedule, type OptimizerState, type ScheduleSpec } from './optim/index.ts'
export { evaluate, train, type Evaluation, type TrainEvent, type TrainOptions } from './train/index.ts'

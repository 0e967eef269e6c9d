// Receptive's engine: tensors on a backend, define-by-run autograd and differentiable ops.
// This file is the public API (issue 3); tools and later issues import from here only.
export { Tensor, type TensorOptions } from './tensor.ts'
export { noGrad, isGradEnabled } from './autograd.ts'
export { ops } from './ops/index.ts'
export { getBackend, setBackend, backendReason, type BackendChoice } from './backend/select.ts'
export type { Backend, DeviceBuffer, DType } from './backend/backend.ts'
export { setPrecision, getPrecision, withFloat64, type Precision } from './precision.ts'

// --- graph / layers / optim / train (added by the graph & train helper below this line) ---

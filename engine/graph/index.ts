// engine/graph: the model spec, its validation, shape inference, counts and templates. Pure code with no
// backend and no tensors, so the renderer imports it for live shapes; buildModel (graph/build.ts, which needs tensors) is
// exported from engine/index.ts instead.

export * from './spec.ts'
export { kernelExtent, outputSize, resolvePadding } from './padding.ts'
export { OPS, OP_NAMES, isOpName } from './op-table.ts'
export { fmt as formatShape, type OpDef, type ParamDef, type Shape } from './op-def.ts'
export { MAX_SIZE } from './fields.ts'
export { MAX_NODES, validateSpec } from './validate.ts'
export { inferShapes, requireValid, type NodeInfo, type ShapeReport } from './infer.ts'
export { fullyConnectedCost, type ConnectionCost } from './fc-cost.ts'
export { TEMPLATES, type Template } from './templates.ts'

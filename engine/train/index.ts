// engine/train: the training loop, evaluation and classification metrics.

export { train, type TrainOptions } from './train.ts'
export { evaluate, type Evaluation } from './evaluate.ts'
export type { DoneEvent, EpochEvent, Metrics, StepEvent, TrainEvent } from './events.ts'
export { addToConfusion, countCorrect, emptyConfusion, predictions } from './metrics.ts'

// What a training run reports, as plain JSON-able objects: the host forwards them to main unchanged.
// Steps count optimizer updates from 1 and epochs count from 1, as a learner reads "epoch 1 of 3".

/** one optimizer update; losses are read back in groups, so these arrive a few at a time */
export interface StepEvent {
  type: 'step'
  step: number
  epoch: number
  /** mean loss over the batch */
  loss: number
  /** fraction of the batch classified correctly */
  accuracy: number
  /** training throughput over the group of steps this one was read back with */
  imagesPerSecond: number
  /** learning rate used for this update */
  lr: number
}

export interface Metrics { loss: number; accuracy: number }

/** the end of an epoch: training metrics averaged over its batches, validation after it */
export interface EpochEvent {
  type: 'epoch'
  epoch: number
  train: Metrics
  validation?: Metrics
  seconds: number
}

/** the run ended: all epochs done, or stopped through the AbortSignal */
export interface DoneEvent {
  type: 'done'
  stopped: boolean
  /** updates done by the end, counting those before a resume */
  steps: number
  /** epochs completed by the end, counting those before a resume */
  epochs: number
  seconds: number
}

export type TrainEvent = StepEvent | EpochEvent | DoneEvent

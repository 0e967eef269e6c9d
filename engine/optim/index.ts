// engine/optim: optimizers over a model's named parameters and learning-rate schedules.
// sgd/adam/adamw take the options of issue 3 (and PyTorch); the schedule is applied by the train loop.

import { adamRule, adamwRule, type AdamOptions } from './adam.ts'
import { Optimizer } from './optimizer.ts'
import { sgdRule, type SgdOptions } from './sgd.ts'

export const sgd = (o: SgdOptions): Optimizer => new Optimizer(sgdRule(o), o.lr)
export const adam = (o: AdamOptions): Optimizer => new Optimizer(adamRule(o), o.lr)
export const adamw = (o: AdamOptions): Optimizer => new Optimizer(adamwRule(o), o.lr)

export { Optimizer, type OptimizerState } from './optimizer.ts'
export type { AdamOptions } from './adam.ts'
export type { SgdOptions } from './sgd.ts'
export type { UpdateRule } from './rule.ts'
export { checkSchedule, learningRate, type ScheduleSpec } from './schedule.ts'

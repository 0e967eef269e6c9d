// Looking inside a model (issue 8): feature maps of every layer for one input, the receptive field of
// an output position, the input that maximises a channel, and learned filters as drawable kernel sets.
// The engine host runs the first three for main (engine/host/inspect-*.ts); filter sets are pure.
export { featureMaps, type FeatureMap } from './feature-maps.ts'
export { filterSet, type FilterGroup, type FilterOptions, type FilterSet } from './filter-sets.ts'
export { imageToSample, type Rgba } from './image-input.ts'
export { forwardTrace, tracedNodes } from './forward-trace.ts'
export { maximize, roll, type MaximizeOptions, type Maximized } from './maximize.ts'
export { receptiveField, type Box } from './receptive-field.ts'

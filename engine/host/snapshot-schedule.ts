// When a run snapshots its weights besides the start and every epoch end: a few times during the first
// epoch, where filters change fastest (issue 6). Pure arithmetic, kept apart from the training job.

/**
 * Steps of the first epoch after which to snapshot. Losses are read back in groups of `group` steps and
 * the loop is suspended at the end of a group, so only group ends show the weights of the step they name.
 */
export function firstEpochSnapshots(stepsPerEpoch: number, count: number, group: number): Set<number> {
  const out = new Set<number>()
  for (let k = 1; k <= count; k++) {
    const at = Math.round((k * stepsPerEpoch) / (count + 1) / group) * group
    if (at > 0 && at < stepsPerEpoch) out.add(at)
  }
  return out
}

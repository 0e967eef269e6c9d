// A misbehaving engine host for the manager's defences: it answers the job with a valid `started`, then a
// message that skips ahead in the sequence, then stays alive, as a hung or confused host would.

process.on('message', (m: { job?: { runId: number } }) => {
  const runId = m.job?.runId ?? 0
  process.send!({ v: 1, runId, seq: 1, type: 'started', backend: 'cpu', adapter: null, backendNote: 'rogue', step: 0, epoch: 0,
    stepsPerEpoch: 1, totalSteps: 1, samples: { train: 1, validation: 0 } })
  process.send!({ v: 1, runId, seq: 5, type: 'paused', step: 0 })
})
setInterval(() => {}, 1000)

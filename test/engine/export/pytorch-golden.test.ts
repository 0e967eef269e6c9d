// The PyTorch export against PyTorch itself: pytorch-golden.json holds what Debian's python3-torch computed
// running each exported model.py (make_pytorch_fixtures.py). Here the same export is made again: its
// model.py and weights.npz must be the ones PyTorch ran (same SHA-256), and the engine's forward on the
// same input must equal PyTorch's output within 1e-4. The model.py of each template is also snapshotted.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { engineForward, maxDiff } from './export-models.ts'
import { GOLDEN_BATCH, goldenCases, goldenExport, sha256 } from './golden-cases.ts'

interface Golden { modelPy: string; weightsNpz: string; shape: number[]; output: number[] }
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/export/pytorch-golden.json', import.meta.url), 'utf8')) as
  { torch: string; cases: Record<string, Golden> }

describe('PyTorch export against PyTorch goldens', () => {
  it('has a golden for every case', () => {
    expect(Object.keys(fixture.cases).sort()).toEqual(goldenCases().map(([name]) => name).sort())
  })

  for (const [name, spec] of goldenCases()) {
    it(name, async () => {
      const golden = fixture.cases[name]
      const g = await goldenExport(spec)
      // a different text or weights would make the golden stale: rerun make_pytorch_fixtures.py
      expect(sha256(g.files['model.py']), 'model.py changed since the goldens were made').toBe(golden.modelPy)
      expect(sha256(g.files['weights.npz']), 'weights.npz changed since the goldens were made').toBe(golden.weightsNpz)
      expect(golden.shape).toEqual([GOLDEN_BATCH, ...g.model.outputShape])
      expect(maxDiff(await engineForward(g.model, g.input, GOLDEN_BATCH), golden.output)).toBeLessThan(1e-4)
      if (name.startsWith('template-')) {
        await expect(g.files['model.py']).toMatchFileSnapshot(`__snapshots__/${name.slice('template-'.length)}.model.py`)
      }
    })
  }
})

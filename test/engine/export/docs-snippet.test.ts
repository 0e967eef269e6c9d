// The three lines of JavaScript docs/EXPORT.md shows for running an exported model, run as written by
// Node (with `x` defined and the file name pointed at a fresh LeNet-5 export): they must print the
// scores the engine computes for the same image.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { exportOnnx } from '../../../engine/export/index.ts'
import { TEMPLATES } from '../../../engine/graph/index.ts'
import { engineForward, exportCase, maxDiff, seeded } from './export-models.ts'

const root = resolve(import.meta.dirname, '../../..')
const dir = mkdtempSync(join(tmpdir(), 'receptive-snippet-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('docs/EXPORT.md onnxruntime-node snippet', () => {
  it('runs as written and gives the engine’s scores', async () => {
    const docs = readFileSync(join(root, 'docs/EXPORT.md'), 'utf8')
    const section = docs.slice(docs.indexOf('## Running an exported model with onnxruntime-node'))
    const snippet = /```js\n([\s\S]*?)```/.exec(section)![1]
    expect(snippet.trim().split('\n')).toHaveLength(3)
    const spec = TEMPLATES.lenet5.spec()
    const { model, weights } = await exportCase(spec)
    const path = join(dir, 'lenet5.onnx')
    writeFileSync(path, exportOnnx(spec, weights, { producer: { name: 'Receptive', version: 'test' } }))
    const x = seeded(784, 3)
    const program = `const x = Float32Array.from(${JSON.stringify(Array.from(x))})\n` +
      snippet.replace("'lenet5.onnx'", JSON.stringify(path)) + 'console.log(JSON.stringify(Array.from(scores)))\n'
    // --eval resolves onnxruntime-node from the working folder, as a user's script in their project would
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', program], { cwd: root })
    expect(maxDiff(JSON.parse(stdout) as number[], await engineForward(model, x, 1))).toBeLessThan(1e-4)
  })
})

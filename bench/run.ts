// `npm run bench`: the engine's speed figures of issue 3 (matmul, conv2d, LeNet-5 on Fashion-MNIST, peak RSS), the data
// figures of issue 5 (import throughput, the loader's share of an epoch) and the project file's of issue 6 (recording, open).
// Flags: --json (one {"name","value","unit","backend"} object per line), --quick (no 3-epoch accuracy run),
// --backend cpu|webgpu, --threads N (CPU threads, default one per core), --fma (relaxed SIMD, as in Electron),
// --only engine|data|store (one section: the engine's figures, issue 5's data figures or issue 6's project file ones).
// A figure whose engine part is missing is reported as unavailable, with the reason.
import { parseArgs } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { startThreadPool } from '../engine/backend/cpu/thread-pool.ts'
import { backendReason, getBackend, setBackend, type BackendChoice } from '../engine/index.ts'
import { convGflops } from './conv.ts'
import { idxImportRate, imageFolderImportRate, loaderSharePct } from './data.ts'
import { fashionMissing, lenet } from './lenet.ts'
import { matmulGflops } from './matmul.ts'
import type { Figure } from './measure.ts'
import { projectOpenMs, recordingCostPct } from './store.ts'

const { values: flags } = parseArgs({
  options: {
    json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false },
    backend: { type: 'string', default: 'cpu' }, threads: { type: 'string' }, fma: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
})
if (flags.backend !== 'cpu' && flags.backend !== 'webgpu') throw new Error(`--backend must be cpu or webgpu, got ${flags.backend}`)
// relaxed SIMD (fused multiply-add) is on in Electron's V8 but behind a flag in Node 20: --fma measures the app's kernel
const SECTIONS = ['engine', 'data', 'store']
if (flags.only !== undefined && !SECTIONS.includes(flags.only)) throw new Error(`--only must be one of ${SECTIONS.join(', ')}, got ${flags.only}`)
const runs = (s: string) => flags.only === undefined || flags.only === s
if (flags.fma) setFlagsFromString('--experimental-wasm-relaxed-simd')
// a backend that cannot start (no WebGPU adapter) makes its figures unavailable, with the reason
let backend: string = flags.backend, noBackend = ''
try {
  await setBackend(flags.backend as BackendChoice)
  backend = getBackend().name
} catch (e) {
  noBackend = (e as Error).message.split('\n')[0]
}
if (backend === 'webgpu' && !noBackend && !flags.json) console.log(`adapter: ${backendReason()}`)
const threads = backend === 'cpu' ? 1 + (await startThreadPool(flags.threads ? Number(flags.threads) : undefined)) : 0

function report(f: Figure): void {
  if (flags.json) console.log(JSON.stringify(f))
  else console.log(`${f.name.padEnd(22)} ${f.value === null ? `unavailable: ${f.unavailable}` : `${+f.value.toPrecision(4)} ${f.unit}`}`)
}

/** runs `measure` and reports its figures, or every one of `names` as unavailable with the error's message */
async function section(names: [string, string][], measure: () => Promise<(number | null)[]>, onBackend = true): Promise<void> {
  let values: (number | null)[] = [], why = ''
  try {
    if (onBackend && noBackend) throw new Error(noBackend)
    values = await measure()
  } catch (e) {
    why = (e as Error).message.split('\n')[0]
  }
  names.forEach(([name, unit], i) => {
    const value = values[i] ?? null
    report({ name, value, unit, backend, ...(value === null ? { unavailable: why || 'not measured (--quick)' } : {}) })
  })
}

if (!flags.json) console.log(`backend ${backend}${noBackend ? ' (unavailable)' : ''}${threads ? `, ${threads} threads` : ''}${flags.fma ? ', fma' : ''}${flags.quick ? ', quick' : ''}`)
const missing = fashionMissing()
if (runs('engine')) {
  await section([['lenet5_train_img_s', 'images/s'], ['lenet5_train_cpu_ms_step', 'ms'], ['lenet5_infer_img_s', 'images/s'], ['lenet5_test_acc_3ep', 'fraction']], async () => {
    if (missing) throw new Error(missing)
    const r = await lenet({ quick: flags.quick })
    return [r.trainImgS, r.cpuMsPerStep, r.inferImgS, r.testAcc]
  })
  await section([['conv2d_fwd_gflops', 'GFLOP/s'], ['conv2d_fwdbwd_gflops', 'GFLOP/s']], async () => {
    const r = await convGflops()
    return [r.fwd, r.fwdbwd]
  })
  await section([['matmul_1024_gflops', 'GFLOP/s']], async () => [await matmulGflops()])
  // the GPU figures of issue 4 (too slow to be worth it on the CPU)
  if (backend === 'webgpu') {
    await section([['matmul_2048_gflops', 'GFLOP/s'], ['matmul_4096_gflops', 'GFLOP/s']], async () => [await matmulGflops(2048), await matmulGflops(4096)])
  }
}
if (runs('data')) {
  await section([['idx_import_img_s', 'images/s']], async () => {
    if (missing) throw new Error(missing)
    return [await idxImportRate()]
  }, false)
  await section([['image_folder_import_img_s', 'images/s']], async () => [await imageFolderImportRate(flags.quick)], false)
  await section([['loader_share_pct', '%']], async () => {
    if (missing) throw new Error(missing)
    return [await loaderSharePct()]
  })
}
if (runs('store')) {
  await section([['recording_cost_pct', '%']], async () => {
    if (missing) throw new Error(missing)
    return [await recordingCostPct(backend as 'cpu' | 'webgpu', flags.quick ? 1 : 2)]
  })
  await section([['project_open_ms_100_runs', 'ms']], async () => [await projectOpenMs()], false)
}
await section([['peak_rss_mb', 'MB']], async () => [process.resourceUsage().maxRSS / 1024], false)
process.exit(0) // worker threads and GPU handles would otherwise keep the process alive

// The one place that obtains a WebGPU adapter: navigator.gpu in a page (Chromium, or Electron's
// hidden window host), Dawn through the `webgpu` package in Node. Nothing else in the engine knows
// which; callers get an adapter with a readable name, or the reason there is none.

/** an adapter, its name and whether it is a software renderer (SwiftShader and kin), or why there is none */
export type AdapterResult =
  | { adapter: GPUAdapter; name: string; software: boolean }
  | { adapter: null; reason: string }

let dawn: Promise<GPU> | undefined

// one Dawn instance per process; each call still gets a fresh adapter (an adapter gives one device)
async function nodeGpu(): Promise<GPU> {
  // a variable specifier keeps page bundlers from trying to pack the Node addon
  const pkg = 'webgpu'
  dawn ??= (import(/* @vite-ignore */ pkg) as Promise<typeof import('webgpu')>).then(({ create, globals }) => {
    Object.assign(globalThis, globals) // GPUBufferUsage and friends, as a page has them
    return create([])
  })
  return dawn
}

async function gpu(): Promise<GPU | null> {
  const page = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu
  if (page) return page
  if (typeof process !== 'undefined' && process.versions?.node) return nodeGpu()
  return null
}

/** a readable adapter name from its info, e.g. "SwiftShader driver 5.0.0" or "nvidia ampere" */
export function adapterName(info: GPUAdapterInfo): string {
  const parts = [info.vendor, info.architecture].filter(Boolean).join(' ')
  return info.description || parts || info.device || 'unnamed adapter'
}

/** a CPU-emulated adapter: flagged as the fallback adapter, or named as one of the known software renderers */
function isSoftware(adapter: GPUAdapter, name: string): boolean {
  const fallback = (adapter.info as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter
  return fallback === true || /swiftshader|llvmpipe|lavapipe|microsoft basic render/i.test(name)
}

export async function requestAdapter(options?: GPURequestAdapterOptions): Promise<AdapterResult> {
  let source: GPU | null
  try {
    source = await gpu()
  } catch (err) {
    return { adapter: null, reason: `WebGPU could not be loaded: ${err instanceof Error ? err.message : String(err)}` }
  }
  if (!source) return { adapter: null, reason: 'this environment has no WebGPU' }
  const adapter = await source.requestAdapter(options).catch(() => null)
  if (!adapter) return { adapter: null, reason: 'no WebGPU adapter (no GPU, or no Vulkan/SwiftShader driver found)' }
  const name = adapterName(adapter.info)
  return { adapter, name, software: isSoftware(adapter, name) }
}

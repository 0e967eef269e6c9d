import { describe, expect, it } from 'vitest'
import { describeBackends } from '../../renderer/shell/backends.ts'

describe('describeBackends', () => {
  it('names the CPU, and WebGPU with its adapter', () => {
    expect(describeBackends([{ name: 'cpu' }])).toBe('CPU')
    expect(describeBackends([{ name: 'cpu' }, { name: 'webgpu', adapter: 'SwiftShader driver 5.0.0' }])).toBe('CPU, WebGPU (SwiftShader driver 5.0.0)')
  })
})

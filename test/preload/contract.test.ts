// The contract's schemas accept what main sends and refuse what it must not.
import { describe, expect, it } from 'vitest'
import { AppInfo, BackendInfo, contract, ProjectInfo } from '../../preload/contract.ts'

describe('contract', () => {
  it('names every call area.verb and gives each an input and output schema', () => {
    for (const [name, def] of Object.entries(contract.calls)) {
      expect(name).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/)
      expect(typeof def.input.safeParse).toBe('function')
      expect(typeof def.output.safeParse).toBe('function')
    }
  })

  it('describes app.info as version, platform and backends', () => {
    const info = { version: '0.1.0', platform: 'linux', backends: [{ name: 'cpu' }, { name: 'webgpu', adapter: 'SwiftShader' }] }
    expect(AppInfo.parse(info)).toEqual(info)
    expect(AppInfo.safeParse({ version: '0.1.0', platform: 'linux' }).success).toBe(false)
  })

  it('requires an adapter name for WebGPU and knows no other backend', () => {
    expect(BackendInfo.safeParse({ name: 'webgpu' }).success).toBe(false)
    expect(BackendInfo.safeParse({ name: 'cuda' }).success).toBe(false)
    expect(BackendInfo.safeParse({ name: 'cpu' }).success).toBe(true)
  })

  it('takes no argument for app.info and project.current', () => {
    expect(contract.calls['app.info'].input.safeParse(undefined).success).toBe(true)
    expect(contract.calls['app.info'].input.safeParse({ evil: true }).success).toBe(false)
    expect(contract.calls['project.current'].input.safeParse('x').success).toBe(false)
  })

  it('allows an unsaved project with a null path', () => {
    expect(ProjectInfo.parse({ name: 'Untitled', path: null })).toEqual({ name: 'Untitled', path: null })
    expect(ProjectInfo.safeParse({ name: 'a' }).success).toBe(false)
  })
})

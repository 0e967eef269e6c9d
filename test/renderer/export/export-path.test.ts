// The Export dialog's suggested paths: a safe file stem from the run name, the format's extension or
// folder, and a typed path keeping its stem when the format changes.
import { describe, expect, it } from 'vitest'
import { EXPORT_CHOICES, exportPath, fileStem } from '../../../renderer/export/export-path.ts'

describe('export paths', () => {
  it('makes a file stem of a run name', () => {
    expect(fileStem('Run 3')).toBe('Run-3')
    expect(fileStem('LeNet-5 / Adam, lr=0.001')).toBe('LeNet-5-Adam-lr-0.001')
    expect(fileStem('Café crème')).toBe('Cafe-creme')
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd')
    expect(fileStem('???')).toBe('model')
  })

  it('suggests a file per format, a folder for PyTorch', () => {
    expect(exportPath('onnx', 'Run 1')).toBe('Run-1.onnx')
    expect(exportPath('npz', 'Run 1')).toBe('Run-1.npz')
    expect(exportPath('pytorch', 'Run 1')).toBe('Run-1-pytorch')
  })

  it('keeps a typed path when the format changes, swapping only its ending', () => {
    expect(exportPath('pytorch', 'Run 1', '/home/me/models/best.onnx')).toBe('/home/me/models/best-pytorch')
    expect(exportPath('npz', 'Run 1', '/home/me/models/best-pytorch')).toBe('/home/me/models/best.npz')
    expect(exportPath('onnx', 'Run 1', ' /tmp/x ')).toBe('/tmp/x.onnx')
    expect(exportPath('onnx', 'Run 1', '   ')).toBe('Run-1.onnx')
  })

  it('offers the three formats main writes', () => {
    expect(EXPORT_CHOICES.map((c) => c.format)).toEqual(['onnx', 'pytorch', 'npz'])
  })
})

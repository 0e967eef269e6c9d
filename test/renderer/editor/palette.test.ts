import { describe, expect, it } from 'vitest'
import { paletteGroups, searchPalette } from '../../../renderer/shell/palette-groups.ts'
import { OP_NAMES } from '../../../engine/graph/index.ts'

describe('palette', () => {
  it('lists every op once, named as a learner knows it', () => {
    const ops = paletteGroups.flatMap((g) => g.items.map((i) => i.op))
    expect([...ops].sort()).toEqual([...OP_NAMES].sort())
    expect(paletteGroups[1].items.map((i) => i.title)).toEqual(['Convolution', 'Unshared convolution', 'Tiled convolution'])
    for (const g of paletteGroups) for (const i of g.items) expect(i.summary.length).toBeGreaterThan(10)
  })

  it('searches names, ops and descriptions, every word', () => {
    expect(searchPalette('pool').flatMap((g) => g.items.map((i) => i.op))).toContain('channelpool')
    expect(searchPalette('maxout').flatMap((g) => g.items.map((i) => i.op))).toEqual(['channelpool'])
    expect(searchPalette('fully connected').map((g) => g.name)).toEqual(['Dense and regularisation'])
    expect(searchPalette('zzz')).toEqual([])
    expect(searchPalette('  ')).toBe(paletteGroups)
  })
})

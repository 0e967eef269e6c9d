// The layer groups the palette lists. A static outline for the shell; the editor issue replaces it
// with items built from engine/graph's op table (drag to the canvas, search).

export interface PaletteGroup { name: string; layers: string[] }

export const paletteGroups: PaletteGroup[] = [
  { name: 'Input', layers: ['Input'] },
  { name: 'Convolution', layers: ['Convolution', 'Unshared convolution', 'Tiled convolution'] },
  { name: 'Pooling', layers: ['Max pooling', 'Average pooling', 'L2 pooling', 'Global pooling', 'Pooling over channels'] },
  { name: 'Activations', layers: ['ReLU', 'Leaky ReLU', 'Sigmoid', 'Tanh', 'Softmax'] },
  { name: 'Dense and regularisation', layers: ['Dense', 'Flatten', 'Dropout', 'Batch norm'] },
  { name: 'Merge', layers: ['Add', 'Concat'] },
]

// Turns a sample image as main sends it (base64 bytes, height×width×channels, grey or RGB) into the RGBA
// pixels a canvas takes.

export function rgbaPixels(base64: string, [height, width, channels]: number[]): Uint8ClampedArray<ArrayBuffer> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const out = new Uint8ClampedArray(new ArrayBuffer(height * width * 4))
  for (let p = 0; p < height * width; p++) {
    for (let c = 0; c < 3; c++) out[p * 4 + c] = bytes[p * channels + (channels === 3 ? c : 0)]
    out[p * 4 + 3] = 255
  }
  return out
}

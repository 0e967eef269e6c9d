// Float tensors as main sends them: base64 of little-endian float32 bytes (compact over either transport).

export function decodeFloats(base64: string): Float32Array {
  const text = atob(base64)
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return new Float32Array(bytes.buffer, 0, bytes.length >> 2)
}

/** RGBA bytes for inspect.featureMaps' dropped-image input */
export function encodeBytes(bytes: Uint8Array | Uint8ClampedArray): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

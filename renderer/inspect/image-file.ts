// An image file the user dropped or picked, as the RGBA bytes inspect.featureMaps takes: decoded by the
// browser, shrunk so its longer side is at most MAX_SIDE (the model's input is small; the wire stays small).

export const MAX_SIDE = 256

export async function imageFileRgba(file: Blob): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  const bitmap = await createImageBitmap(file)
  const shrink = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
  const width = Math.max(1, Math.round(bitmap.width * shrink))
  const height = Math.max(1, Math.round(bitmap.height * shrink))
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('this window cannot decode images')
  ctx.drawImage(bitmap, 0, 0, width, height)
  bitmap.close()
  return { width, height, rgba: ctx.getImageData(0, 0, width, height).data }
}

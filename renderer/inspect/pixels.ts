// An RGBA picture the inspect view computes (filters, feature maps) and how it reaches a canvas: one
// canvas pixel per value, scaled up by CSS without smoothing.

export interface Picture { width: number; height: number; pixels: Uint8ClampedArray }

/** the part of a 2D context painting needs (jsdom has no canvas; tests pass their own) */
export interface Paintable {
  createImageData(width: number, height: number): { data: Uint8ClampedArray }
  putImageData(image: never, dx: number, dy: number): void
}

export function blank(width: number, height: number): Picture {
  return { width, height, pixels: new Uint8ClampedArray(width * height * 4) }
}

/** sizes the canvas to the picture and paints it */
export function paint(canvas: { width: number; height: number; getContext(kind: '2d'): unknown }, picture: Picture): void {
  canvas.width = picture.width
  canvas.height = picture.height
  const ctx = canvas.getContext('2d') as Paintable | null
  if (!ctx) return
  const image = ctx.createImageData(picture.width, picture.height)
  image.data.set(picture.pixels)
  ctx.putImageData(image as never, 0, 0)
}

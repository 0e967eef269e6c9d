// The overview map's geometry: the smallest box around every node and the visible part of the canvas,
// widened to the map's aspect ratio, and the mapping from a point on the map back to the canvas.

export interface Rect { x: number; y: number; width: number; height: number }

export function overviewBox(nodes: Rect[], view: Rect, width: number, height: number, margin = 10): Rect {
  let x0 = view.x, y0 = view.y, x1 = view.x + view.width, y1 = view.y + view.height
  for (const n of nodes) {
    x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y)
    x1 = Math.max(x1, n.x + n.width); y1 = Math.max(y1, n.y + n.height)
  }
  const scale = Math.max((x1 - x0) / width, (y1 - y0) / height, 1e-6)
  const w = width * scale, h = height * scale
  const pad = margin * scale
  return { x: (x0 + x1 - w) / 2 - pad, y: (y0 + y1 - h) / 2 - pad, width: w + 2 * pad, height: h + 2 * pad }
}

/** the canvas point under a point of the map (offsetX/Y within a map of the given pixel size) */
export function mapToCanvas(box: Rect, width: number, height: number, px: number, py: number): { x: number; y: number } {
  return { x: box.x + (px / width) * box.width, y: box.y + (py / height) * box.height }
}

// A 1D sample as an SVG polyline: values stretched from their own minimum to maximum over the height,
// samples spread over the width (null values, from non-finite data, are drawn at the middle).

export function signalPoints(values: readonly (number | null)[], width: number, height: number): string {
  const finite = values.filter((v): v is number => v !== null)
  const lo = Math.min(...finite), hi = Math.max(...finite)
  const span = hi > lo ? hi - lo : 1
  const step = values.length > 1 ? width / (values.length - 1) : 0
  const y = (v: number | null) => (v === null || !(hi > lo) ? height / 2 : height - ((v - lo) / span) * height)
  return values.map((v, i) => `${+(i * step).toFixed(2)},${+y(v).toFixed(2)}`).join(' ')
}

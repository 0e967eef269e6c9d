// Class names and label checks shared by the readers: a label outside the class list is a data
// error naming the file and the first offending index, caught at import rather than mid-training.

import { DataError } from './errors.ts'

/** more classes than this is almost surely a corrupt label file */
export const MAX_CLASSES = 100_000

/** "0", "1", … for sets whose classes have no names */
export const numberedClasses = (count: number): string[] => Array.from({ length: count }, (_, i) => String(i))

/**
 * checks labels against `classes` when given, else against [0, MAX_CLASSES), and returns the class names
 * (given, or numbered up to the largest label)
 */
export function checkLabels(labels: ArrayLike<number>, file: string, classes?: readonly string[]): string[] {
  const limit = classes ? classes.length : MAX_CLASSES
  let max = -1
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]
    if (!Number.isInteger(l) || l < 0 || l >= limit) {
      const range = classes ? `${classes.length} classes (0…${classes.length - 1})` : `the limit of ${MAX_CLASSES} classes`
      throw new DataError(file, `label ${l} at index ${i} is out of range for ${range}`)
    }
    if (l > max) max = l
  }
  return classes ? [...classes] : numberedClasses(max + 1)
}

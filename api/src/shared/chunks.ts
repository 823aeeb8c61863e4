// Large writes and lookups go to the database in slices, not one statement per row nor one
// statement of unbounded size.

/** The items in consecutive slices of at most `size`, in order. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

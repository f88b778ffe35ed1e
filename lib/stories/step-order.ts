/**
 * The authoring UI's step-list operations, pure so they are tested without a DOM. Each returns a
 * new array and leaves the input alone; an index out of range returns the list unchanged.
 */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** One place up (-1) or down (+1); at either end nothing moves. Returns the list and where the item is now. */
export function moveBy<T>(items: readonly T[], index: number, delta: -1 | 1): { items: T[]; index: number } {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return { items: [...items], index };
  return { items: moveItem(items, index, to), index: to };
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  if (index < 0 || index >= items.length) return [...items];
  return [...items.slice(0, index), ...items.slice(index + 1)];
}

export function insertAt<T>(items: readonly T[], index: number, item: T): T[] {
  const at = Math.max(0, Math.min(index, items.length));
  return [...items.slice(0, at), item, ...items.slice(at)];
}

/** Where focus goes after deleting item `index` of a list that had `length` items: the next, else the previous, else none. */
export function focusAfterRemove(index: number, length: number): number | null {
  if (length <= 1) return null;
  return index < length - 1 ? index : index - 1;
}

/**
 * Sets `key` in a map used as a bounded memo: the entry goes last (a map iterates in insertion
 * order, so the first entry is the least recently set) and the first one goes once there are more
 * than `max`.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}

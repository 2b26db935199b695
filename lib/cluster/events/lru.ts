/**
 * A small LRU map (golang/groupcache/lru as client-go uses it). The correlator always writes back what it read,
 * so a read does not refresh the entry (peek); set() makes it the newest, as Go's Get-then-Add does.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }
}

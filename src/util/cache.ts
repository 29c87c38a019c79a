/**
 * A small bounded memo: a Map that forgets everything once it holds `max` entries. Every
 * module-level cache in `arrears` is one of these (or a WeakMap keyed by an object we made), so
 * no cache grows with its input: a long-running service deciding millions of accounts keeps a
 * constant footprint. Keys longer than `maxKeyLength` are never stored (a cache must never be
 * keyed by an unbounded, unvalidated string).
 * @internal
 */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(
    private readonly max: number,
    private readonly maxKeyLength = 256,
  ) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): V {
    if (key.length > this.maxKeyLength) return value;
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
    return value;
  }

  get size(): number {
    return this.map.size;
  }
}

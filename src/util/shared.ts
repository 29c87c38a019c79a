/**
 * A brand registry shared by every copy of arrears loaded in one process (its ESM and CJS builds
 * both imported: the dual-package hazard), kept on `globalThis` under a registered symbol.
 * `name` carries a version suffix: bump it whenever the shape of what the registry vouches for
 * changes, so that two different versions of arrears never trust each other's objects.
 */
export function sharedRegistry<T extends object>(name: string, create: () => T): T {
  const key = Symbol.for(`arrears.${name}`);
  const global = globalThis as unknown as Record<symbol, T | undefined>;
  let registry = global[key];
  if (registry === undefined) {
    registry = create();
    Object.defineProperty(globalThis, key, {
      value: registry,
      configurable: false,
      enumerable: false,
      writable: false,
    });
  }
  return registry;
}

/**
 * Deep immutability, for memoising on object identity inside the package: a result computed from an
 * object that is deeply frozen (frozen, with data properties only, an ordinary prototype, and every
 * object it holds deeply frozen too) can never go stale, since nothing about it can change.
 * Freezing is permanent, so an object found deeply frozen once is remembered as such.
 */
const deeplyFrozen = new WeakSet<object>();

const ORDINARY_PROTOTYPES: ReadonlySet<object | null> = new Set<object | null>([Object.prototype, Array.prototype, null]);

export function isDeepFrozen(x: unknown, visiting = new Set<object>()): boolean {
  if (x === null || (typeof x !== 'object' && typeof x !== 'function')) return true;
  const o = x;
  if (deeplyFrozen.has(o)) return true;
  if (visiting.has(o)) return false; // a cycle: not memoised (conservative, and no stack overflow)
  visiting.add(o);
  if (typeof x === 'function' || !Object.isFrozen(o) || !ORDINARY_PROTOTYPES.has(Object.getPrototypeOf(o) as object | null)) return false;
  const descriptors = Object.getOwnPropertyDescriptors(o);
  for (const key of Reflect.ownKeys(descriptors)) {
    const d: PropertyDescriptor = descriptors[key as keyof typeof descriptors];
    if (d.get !== undefined || d.set !== undefined || !isDeepFrozen(d.value, visiting)) return false;
  }
  deeplyFrozen.add(o);
  return true;
}

/**
 * Caches a derived value per node (a RUN, a stage) for the duration of an
 * analysis: several rules ask the same question of the same RUN, and the
 * answer never changes once the model is built. The value is kept on the
 * node under a private symbol (a WeakMap lookup cost more than the rules).
 */
export function memoizeByNode<Node extends object, Value>(derive: (node: Node) => Value): (node: Node) => Value {
  const key = Symbol('memoized');
  return node => {
    const holder = node as unknown as Record<symbol, Value>;
    if (key in holder) return holder[key];
    const value = derive(node);
    Object.defineProperty(holder, key, { value, enumerable: false });
    return value;
  };
}

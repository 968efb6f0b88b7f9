let nextKey = 0;

interface DerivedHolder {
  /** Values derived by the vocabulary, by memo key; added to a node on first use. */
  derivedByVocabulary?: Record<string, unknown>;
}

/**
 * Caches a derived value per node (a RUN, a stage) for the duration of an
 * analysis: several rules ask the same question of the same RUN, and the
 * answer never changes once the model is built. Values live in one plain
 * object per node (a WeakMap, or a symbol property per memo, cost more than
 * the rules asking).
 */
export function memoizeByNode<Node extends object, Value>(derive: (node: Node) => Value): (node: Node) => Value {
  const key = `m${nextKey++}`;
  return node => {
    const holder = node as DerivedHolder;
    const derived = (holder.derivedByVocabulary ??= {});
    if (key in derived) return derived[key] as Value;
    const value = derive(node);
    derived[key] = value;
    return value;
  };
}

let nextIndex = 0;

/** Marks a slot whose value has not been derived yet (a derived value may be undefined). */
const NOT_DERIVED: unique symbol = Symbol('not derived');

interface DerivedHolder {
  /** Values derived by the vocabulary, by memo index; added to a node on first use. */
  derivedByVocabulary?: unknown[];
}

/**
 * Caches a derived value per node (a RUN, a stage) for the duration of an
 * analysis: several rules ask the same question of the same RUN, and the
 * answer never changes once the model is built. Values live in one array
 * per node, indexed by memo (a WeakMap, or a symbol property per memo, cost
 * more than the rules asking; string keys on a plain object made it a
 * dictionary and the lookups its hottest line).
 */
export function memoizeByNode<Node extends object, Value>(
  derive: (node: Node) => Value,
): (node: Node) => Value {
  const index = nextIndex++;
  return node => {
    const holder = node as DerivedHolder;
    let derived = holder.derivedByVocabulary;
    if (!derived) {
      derived = new Array<unknown>(nextIndex).fill(NOT_DERIVED);
      holder.derivedByVocabulary = derived;
    } else if (derived.length <= index) {
      for (let slot = derived.length; slot <= index; slot++)
        derived.push(NOT_DERIVED);
    }
    const cached = derived[index];
    if (cached !== NOT_DERIVED) return cached as Value;
    const value = derive(node);
    derived[index] = value;
    return value;
  };
}

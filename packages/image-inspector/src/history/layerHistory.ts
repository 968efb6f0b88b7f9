/**
 * The `created_by` line of each layer: the config's history lists every
 * instruction, and those with `empty_layer` made no layer, so the n-th
 * history entry without it made the n-th layer. Missing or short history
 * (squashed images, some builders) leaves layers without a line.
 */
export function layerHistory(
  config: unknown,
  layerCount: number,
): Array<string | undefined> {
  const history = (config as { history?: unknown }).history;
  const lines: Array<string | undefined> = [];
  if (Array.isArray(history)) {
    for (const item of history as Array<{
      created_by?: unknown;
      empty_layer?: unknown;
    }>) {
      if (item?.empty_layer === true) continue;
      lines.push(
        typeof item?.created_by === 'string' ? item.created_by : undefined,
      );
    }
  }
  // A history that does not add up to the layers cannot be trusted line by line.
  if (lines.length !== layerCount) return new Array(layerCount).fill(undefined);
  return lines;
}

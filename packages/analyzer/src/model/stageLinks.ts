import type { Libc } from '../types';
import type { Stage } from './types';

/** An earlier stage by name (case-insensitive) or index. */
export function findStage(
  stages: Stage[],
  reference: string,
  before: number,
): Stage | undefined {
  const lower = reference.toLowerCase();
  const byName = stages.find(
    stage => stage.index < before && stage.name?.toLowerCase() === lower,
  );
  if (byName) return byName;
  if (/^\d+$/.test(reference)) {
    const index = Number(reference);
    return index < before ? stages[index] : undefined;
  }
  return undefined;
}

export function crossesLibc(source: Libc, target: Libc): boolean {
  return (
    (source === 'glibc' && target === 'musl') ||
    (source === 'musl' && target === 'glibc')
  );
}

/** `build` or `#1` for nameless stages. */
export function stageLabel(stage: Stage): string {
  return stage.name ?? `#${stage.index}`;
}

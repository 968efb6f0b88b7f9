import type { ScanStatus } from '../../api/types';

/** Each scan status as a title a reader understands without the docs. */
export const SCAN_STATUS_TITLES: Record<ScanStatus, string> = {
  ok: 'Scanned',
  pending: 'Not scanned yet',
  disabled: 'Scanning is turned off for this entity',
  'no-source': 'No source location',
  'no-dockerfile': 'No Dockerfile found',
  unreadable: 'The repository could not be read',
  refused: 'Not scanned: the source is refused by policy',
  'rate-limited': 'The source host rate-limited the scan',
  timeout: 'The scan timed out',
  'invalid-config': 'The .alpine-advisor.yaml file is invalid',
  error: 'The scan failed',
};

/** What a service owner can do about each status that leaves no score. */
export const SCAN_STATUS_HINTS: Record<ScanStatus, string> = {
  ok: '',
  pending:
    'The backend scans the catalog on a schedule; this entity will be picked up on the next sweep.',
  disabled:
    'The entity carries the annotation alpine-advisor.io/disabled: "true". Remove it to scan the entity again.',
  'no-source':
    'Add a backstage.io/source-location annotation (or register the entity from its repository) so the scanner can find its Dockerfiles.',
  'no-dockerfile':
    'No Dockerfile was found in the source. List their paths in the alpine-advisor.io/dockerfiles annotation if they live elsewhere.',
  unreadable:
    'Check that the backend has an integration with access to the repository.',
  refused:
    'Local files are read only under directories allowed in alpineAdvisor.localSources.allowedDirectories.',
  'rate-limited': 'The scanner retries on the next sweep.',
  timeout: 'The scanner retries on the next sweep.',
  'invalid-config': "Fix the repository's .alpine-advisor.yaml and rescan.",
  error: 'The scanner retries on the next sweep.',
};

/**
 * Whether the latest attempt failed. Opted out and refused by policy are
 * states of their own: nothing failed, the entity is simply not scanned.
 */
export function isFailure(status: ScanStatus): boolean {
  return !['ok', 'pending', 'disabled', 'refused'].includes(status);
}

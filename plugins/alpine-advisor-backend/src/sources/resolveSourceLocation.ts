import type { EntitySourceLocation } from '@alpine-advisor/backstage-plugin-node';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { dirname } from 'node:path';

/**
 * The directory holding an entity's sources: its source-location, or else
 * the folder of the catalog file it was registered from (managed-by-location).
 * Undefined when the entity has neither.
 */
export function resolveSourceLocation(
  entity: Entity,
  integrations?: ScmIntegrationRegistry,
): EntitySourceLocation | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const sourceLocation = annotations[ANNOTATION_SOURCE_LOCATION];
  const managedBy = annotations[ANNOTATION_LOCATION];
  const ref = sourceLocation ?? managedBy;
  if (!ref) {
    return undefined;
  }
  let location: { type: string; target: string };
  try {
    location = parseLocationRef(ref);
  } catch {
    return undefined;
  }
  const pointsAtFile = !sourceLocation;
  if (location.type === 'file') {
    return {
      type: 'file',
      target: pointsAtFile ? dirname(location.target) : location.target,
    };
  }
  if (location.type === 'url') {
    return {
      type: 'url',
      target: pointsAtFile
        ? siblingUrl('./', location.target, integrations)
        : withTrailingSlash(location.target),
    };
  }
  return location;
}

/** Resolves a path against a directory URL the way the SCM expects (blob/tree URLs). */
export function siblingUrl(
  path: string,
  base: string,
  integrations?: ScmIntegrationRegistry,
): string {
  if (integrations) {
    return integrations.resolveUrl({ url: path, base });
  }
  return new URL(path, base).toString();
}

/**
 * The URL of a file below a source folder. Folder URLs of GitHub and GitLab
 * say `tree`; their file readers want `blob`.
 */
export function fileUrl(
  path: string,
  base: string,
  integrations?: ScmIntegrationRegistry,
): string {
  return fileUrlsBelow(base, integrations)(path);
}

/**
 * `fileUrl` for many files of one folder: the integration is looked up once
 * (each lookup tries every configured SCM type on the URL).
 */
export function fileUrlsBelow(
  base: string,
  integrations?: ScmIntegrationRegistry,
): (path: string) => string {
  const integration = integrations?.byUrl(base);
  const resolve = integration
    ? (path: string) => integration.resolveUrl({ url: path, base })
    : plainUrlsBelow(base);
  if (integration?.type === 'gitlab') {
    return path => resolve(path).replace('/-/tree/', '/-/blob/');
  }
  if (integration?.type === 'github') {
    return path =>
      resolve(path).replace(
        /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/tree\//,
        '$1/blob/',
      );
  }
  return resolve;
}

/**
 * Resolves relative paths against a plain folder URL. An unchanged re-sweep
 * resolves a dozen paths per service, nearly all of them plain names below
 * the folder: those are appended to the folder's parsed form (what the URL
 * parser would give for them), and only the rest are parsed.
 */
function plainUrlsBelow(base: string): (path: string) => string {
  const folder = new URL(base);
  const prefix = folder.toString();
  const appendable = !folder.search && !folder.hash && prefix.endsWith('/');
  return path =>
    appendable && isPlainRelativePath(path)
      ? prefix + path
      : new URL(path, prefix).toString();
}

/** Segments of letters, digits, `_`, `.` and `-`, none of them `.` or `..`: nothing for the URL parser to escape or resolve. */
function isPlainRelativePath(path: string): boolean {
  return (
    /^[\w.-]+(?:\/[\w.-]+)*$/.test(path) && !/(?:^|\/)\.\.?(?:\/|$)/.test(path)
  );
}

/** Directory URLs end with a slash so that relative paths resolve inside them. */
function withTrailingSlash(url: string): string {
  const parsed = new URL(url);
  // Some SCMs address folders through the query (Azure `?path=`): leave those alone.
  if (!parsed.search && !parsed.pathname.endsWith('/')) {
    parsed.pathname = `${parsed.pathname}/`;
  }
  return parsed.toString();
}

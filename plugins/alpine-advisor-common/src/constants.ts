/** The backend plugin's id, used for discovery and in permission names. @public */
export const ALPINE_ADVISOR_PLUGIN_ID = 'alpine-advisor';

/**
 * Entity annotation listing the entity's Dockerfiles: comma-separated paths or
 * globs relative to the entity's source location, e.g.
 * `apps/*\/Dockerfile,deploy/Dockerfile.migrations`. Without it the backend
 * discovers Dockerfiles in the source tree.
 * @public
 */
export const ALPINE_ADVISOR_DOCKERFILES_ANNOTATION =
  'alpine-advisor.io/dockerfiles';

/** Entity annotation that opts an entity out of scanning when set to `"true"`. @public */
export const ALPINE_ADVISOR_DISABLED_ANNOTATION = 'alpine-advisor.io/disabled';

/**
 * The signals channel on which the backend announces that an entity's
 * stored result changed (a sweep, a rescan, a knowledge refresh or a waiver
 * change): `alpine-advisor:entity:<lower-case entity ref>`. Open pages
 * subscribe to it and fetch the entity's report again.
 * @public
 */
export function alpineAdvisorEntitySignalChannel(entityRef: string): string {
  return `alpine-advisor:entity:${entityRef.toLowerCase()}`;
}

/**
 * The message on an entity's signals channel. It carries no results: a
 * subscriber fetches them through the API, under its own permissions.
 * @public
 */
export type AlpineAdvisorEntitySignal = {
  type: 'results-stored';
  entityRef: string;
};

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

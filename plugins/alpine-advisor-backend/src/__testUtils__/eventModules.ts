import type { BackendFeature } from '@backstage/backend-plugin-api';
import { dirname, join } from 'node:path';

/**
 * The GitHub and GitLab event modules' backend modules, loaded file by file:
 * their packages' default exports are feature loaders that `import()` the
 * modules, which Jest cannot run without --experimental-vm-modules. These
 * are the same modules (webhook validation, routing to `github.push` and
 * `gitlab.push`) the loaders would add.
 */
export function eventModules(): BackendFeature[] {
  const load = (pkg: string, file: string): BackendFeature => {
    const root = dirname(require.resolve(`${pkg}/package.json`));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(join(root, 'dist/service', file)).default;
  };
  const github = '@backstage/plugin-events-backend-module-github';
  const gitlab = '@backstage/plugin-events-backend-module-gitlab';
  return [
    load(github, 'eventsModuleGithubWebhook.cjs.js'),
    load(github, 'eventsModuleGithubEventRouter.cjs.js'),
    load(gitlab, 'eventsModuleGitlabWebhook.cjs.js'),
    load(gitlab, 'eventsModuleGitlabEventRouter.cjs.js'),
  ];
}

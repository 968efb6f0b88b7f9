import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'copy-context-unignored',
  title: 'COPY of the whole context carries host dependencies or secrets',
  category: 'hygiene',
  severity: 'warning',
  remediation:
    'List them in `.dockerignore` (`node_modules`, `.venv`, `vendor/bundle`, `.env*`, `.git`, build output), or copy only what the image needs.',
  references: [
    'https://docs.docker.com/build/concepts/context/#dockerignore-files',
    'https://github.com/lovell/sharp/issues/3166',
  ],
  aliases: [],
  fixable: false,
  messages: {
    hostDependencies:
      "`{{copy}}` carries the host's `{{entry}}` into the image: {{why}}{{ignore}}",
    secret:
      '`{{copy}}` carries `{{entry}}` into an image layer, where anyone who pulls the image can read it{{ignore}}',
    registryConfig:
      '`{{copy}}` carries `{{entry}}` into an image layer: if it holds a registry token rather than a `${NPM_TOKEN}` placeholder, anyone who pulls the image can read it{{ignore}}',
    buildOutput:
      "`{{copy}}` carries the host's `{{entry}}` (build output or history) into the build: it busts the layer cache and may ship stale files{{ignore}}",
  },
  scope: 'any',
};

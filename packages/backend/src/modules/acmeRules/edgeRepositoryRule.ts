import {
  type AdditionalRule,
  apkAdds,
  flagValue,
  imageStages,
} from '@alpine-advisor/analyzer';

/**
 * An example organisation rule, written in the analyzer's vocabulary like the
 * built-in rules: Acme ships images built from Alpine's stable branches only,
 * so `apk add --repository …/edge/…` in a stage that becomes an image is
 * reported. A builder stage that is only copied from may use edge.
 */
export const acmeEdgeRepositoryRule: AdditionalRule = {
  meta: {
    id: 'acme-apk-edge-repository',
    title: 'Shipped image installs packages from Alpine edge',
    category: 'alpine',
    severity: 'warning',
    rationale:
      "Alpine's edge repositories move daily and get no security backports; Acme's images ship stable-branch packages only.",
    remediation:
      'Install the package from the base image release, or build it in a builder stage and copy the result.',
    references: ['https://wiki.alpinelinux.org/wiki/Repositories'],
    aliases: ['acme:APK001'],
    fixable: false,
    scope: 'alpine',
  },
  docs: [
    '# acme-apk-edge-repository',
    '',
    "Alpine's edge repositories move daily and get no security backports;",
    "Acme's images ship stable-branch packages only. Reported on `apk add`",
    'with `--repository`/`-X` naming an edge repository in a stage that',
    'becomes an image; a builder stage that is only copied from may use edge.',
    '',
    '## Bad',
    '',
    '```dockerfile',
    'FROM alpine:3.22',
    'RUN apk add --no-cache --repository https://dl-cdn.alpinelinux.org/alpine/edge/testing tool',
    '```',
    '',
    '## Good',
    '',
    '```dockerfile',
    'FROM alpine:3.22',
    'RUN apk add --no-cache tool',
    '```',
    '',
  ].join('\n'),
  check: context => ({
    RUN(run, stage) {
      if (!imageStages(context.model).has(stage)) return;
      for (const add of apkAdds(run)) {
        const repository = flagValue(add.command, '--repository', '-X');
        if (!repository || !/\/edge(\/|$)/.test(repository.value)) continue;
        const names = add.packages.map(pkg => pkg.name).join(' ');
        context.report({
          at: repository,
          message: `\`apk add ${names}\` installs from Alpine edge (${repository.value}) in an image Acme ships`,
        });
      }
    },
  }),
};

import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'build-toolchain-in-final-stage',
  title: 'Build toolchain left in the final stage',
  category: 'alpine',
  severity: 'warning',
  remediation:
    'Build in a builder stage (`FROM … AS build`) that installs the toolchain, then `COPY --from=build` only the artefacts (binary, wheels, virtualenv) into a runtime stage that installs runtime libraries only. Or add them as a `--virtual` group and `apk del` it in the same RUN.',
  references: [
    'https://docs.docker.com/build/building/multi-stage/',
    'https://github.com/gliderlabs/docker-alpine/blob/master/docs/usage.md#virtual-packages',
  ],
  aliases: [],
  fixable: false,
  messages: {
    toolchainShips:
      'build toolchain ({{packages}}) installed in the final image and never removed: build in a builder stage and COPY --from it',
    toolchainShipsInBase:
      'build toolchain ({{packages}}) installed in an image that starts no service of its own (a base, a shell or a toolbox): every image built FROM it ships the toolchain, unless building is what they are for',
  },
  scope: 'alpine',
};

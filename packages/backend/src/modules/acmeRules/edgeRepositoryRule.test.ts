import { createAnalyzer } from '@alpine-advisor/analyzer';
import { acmeEdgeRepositoryRule } from './edgeRepositoryRule';

const analyzer = createAnalyzer({ additionalRules: [acmeEdgeRepositoryRule] });
const findingsOf = (content: string) =>
  analyzer
    .analyzeDockerfile({ path: 'Dockerfile', content })
    .findings.filter(finding => finding.ruleId === 'acme-apk-edge-repository');

const EDGE = 'https://dl-cdn.alpinelinux.org/alpine/edge/testing';

describe('acme-apk-edge-repository', () => {
  it('reports an edge repository in a stage that becomes the image', () => {
    expect(
      findingsOf(
        `FROM alpine:3.22\nRUN apk add --no-cache --repository ${EDGE} tool\n`,
      ),
    ).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'warning',
        message: expect.stringContaining(
          '`apk add tool` installs from Alpine edge',
        ),
        aliases: ['acme:APK001'],
      }),
    ]);
    expect(
      findingsOf(`FROM alpine:3.22\nRUN apk add --no-cache -X ${EDGE} tool\n`),
    ).toHaveLength(1);
  });

  it('accepts stable repositories and edge in a builder stage only copied from', () => {
    expect(
      findingsOf(
        'FROM alpine:3.22\nRUN apk add --no-cache --repository https://dl-cdn.alpinelinux.org/alpine/v3.22/community tool\n',
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        `FROM alpine:3.22 AS build\nRUN apk add --no-cache --repository ${EDGE} tool\nFROM alpine:3.22\nCOPY --from=build /usr/bin/tool /usr/bin/tool\n`,
      ),
    ).toEqual([]);
  });

  it('is listed with the built-in rules, docs included', () => {
    expect(analyzer.getRule('acme:APK001')).toMatchObject({
      id: 'acme-apk-edge-repository',
      docs: expect.stringContaining('## Bad'),
    });
  });
});

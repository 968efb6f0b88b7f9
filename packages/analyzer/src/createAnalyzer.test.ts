import { createAnalyzer } from './createAnalyzer';
import type { AdditionalRule } from './createAnalyzer';
import { listRules } from './catalog';

const internalRegistryOnly: AdditionalRule = {
  meta: {
    id: 'acme-internal-registry',
    title: 'Base images come from the internal registry',
    category: 'hygiene',
    severity: 'warning',
    rationale: 'Acme mirrors and scans every base image.',
    remediation: 'Pull from registry.acme.internal.',
    references: [],
    aliases: ['acme:REG001'],
    fixable: false,
    scope: 'any',
  },
  docs: '# acme-internal-registry\n',
  check: context => ({
    stage(stage) {
      if (!stage.parent && stage.image.registry !== 'registry.acme.internal') {
        context.report({
          at: stage.from,
          message: `${stage.image.text} is not from the internal registry`,
        });
      }
    },
  }),
};

const brokenRule: AdditionalRule = {
  meta: { ...internalRegistryOnly.meta, id: 'acme-broken', aliases: [] },
  check: () => ({
    FROM() {
      throw new Error('bug in an organisation rule');
    },
  }),
};

const dockerfile = 'FROM alpine:3.22\nRUN echo hi\n';

describe('createAnalyzer', () => {
  it("takes an added rule's why from its meta, or else from its docs", () => {
    const { rationale: _given, ...withoutRationale } =
      internalRegistryOnly.meta;
    const analyzer = createAnalyzer({
      additionalRules: [
        internalRegistryOnly,
        {
          ...internalRegistryOnly,
          meta: { ...withoutRationale, id: 'acme-docs-only', aliases: [] },
          docs: '# acme-docs-only\n\nUnmirrored images\nare not scanned.\n\n## Bad\n',
        },
      ],
    });
    expect(analyzer.getRule('acme-internal-registry')?.rationale).toBe(
      'Acme mirrors and scans every base image.',
    );
    expect(analyzer.getRule('acme-docs-only')?.rationale).toBe(
      'Unmirrored images are not scanned.',
    );
  });

  it('runs added rules next to the built-in ones', () => {
    const analyzer = createAnalyzer({
      additionalRules: [internalRegistryOnly],
    });
    const report = analyzer.analyzeDockerfile({
      path: 'Dockerfile',
      content: dockerfile,
    });

    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'acme-internal-registry',
        line: 1,
        severity: 'warning',
        aliases: ['acme:REG001'],
        message: 'alpine:3.22 is not from the internal registry',
      }),
    );
    expect(report.score).toBeLessThan(100);
  });

  it('lists added rules with their docs and finds them by alias', () => {
    const analyzer = createAnalyzer({
      additionalRules: [internalRegistryOnly],
    });

    expect(analyzer.listRules()).toHaveLength(listRules().length + 1);
    expect(analyzer.getRule('ACME:reg001')).toMatchObject({
      id: 'acme-internal-registry',
      docs: '# acme-internal-registry\n',
    });
  });

  it('lets configs and inline suppressions name added rules', () => {
    const analyzer = createAnalyzer({
      additionalRules: [internalRegistryOnly],
    });
    const config = analyzer.parseConfig(
      'severity:\n  acme:REG001: "off"\n',
      '.alpine-advisor.yaml',
    );
    expect(config.severity).toEqual({ 'acme-internal-registry': 'off' });

    const silenced = analyzer.analyzeDockerfile(
      { path: 'Dockerfile', content: dockerfile },
      { config },
    );
    expect(silenced.findings.map(finding => finding.ruleId)).not.toContain(
      'acme-internal-registry',
    );

    const suppressed = analyzer.analyzeDockerfile({
      path: 'Dockerfile',
      content: `# alpine-advisor ignore=acme:REG001 mirrored upstream\n${dockerfile}`,
    });
    expect(suppressed.findings.map(finding => finding.ruleId)).not.toContain(
      'acme-internal-registry',
    );
  });

  it('keeps the built-in findings when an added rule throws', () => {
    const plain = createAnalyzer().analyzeDockerfile({
      path: 'Dockerfile',
      content: dockerfile,
    });
    const withBroken = createAnalyzer({
      additionalRules: [brokenRule],
    }).analyzeDockerfile({
      path: 'Dockerfile',
      content: dockerfile,
    });
    expect(withBroken).toEqual(plain);
  });

  it('refuses an added rule whose id or alias is taken', () => {
    const builtIn = listRules()[0];
    expect(() =>
      createAnalyzer({
        additionalRules: [
          {
            ...internalRegistryOnly,
            meta: { ...internalRegistryOnly.meta, id: builtIn.id },
          },
        ],
      }),
    ).toThrow(`"${builtIn.id}"`);
    expect(() =>
      createAnalyzer({
        additionalRules: [internalRegistryOnly, internalRegistryOnly],
      }),
    ).toThrow(/already in use/);
  });
});

// The demo catalog (examples/) is what a new user sees first, and the browser
// tests lean on it (the XSS test waits for the cgo finding that quotes
// partner-widget's hostile stage name). Each service must keep showing what
// examples/README.md says it demonstrates.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  analyzeDockerfile,
  type BuildContextInput,
  type FileReport,
} from '@alpine-advisor/analyzer';
import {
  collectBuildContext,
  fileSystemTree,
} from '@alpine-advisor/repository-layout';

const EXAMPLES = join(__dirname, '../../examples/services');
/** The README's grades assume analysis at the end of 2026. */
const ANALYSIS_DATE = new Date('2026-12-05');

interface Demonstration {
  file: string;
  /** Rules whose findings the README promises. */
  shows: string[];
  /** Rules that must stay silent (the clean examples). */
  cleanOf?: 'warnings';
}

const DEMONSTRATIONS: Demonstration[] = [
  { file: 'payments-api/Dockerfile', shows: [], cleanOf: 'warnings' },
  { file: 'fraud-scoring/Dockerfile', shows: [], cleanOf: 'warnings' },
  { file: 'storefront-web/Dockerfile', shows: [], cleanOf: 'warnings' },
  {
    file: 'cart-service/Dockerfile',
    shows: [
      'apk-update-alone',
      'apk-no-cache',
      'copy-all-before-install',
      'npm-cache-left',
      'root-user',
    ],
  },
  {
    file: 'invoice-renderer/Dockerfile',
    shows: [
      'apk-virtual-not-removed',
      'build-toolchain-in-final-stage',
      'tz-without-tzdata',
      'busybox-missing-tool',
    ],
  },
  { file: 'ledger-sync/Dockerfile', shows: ['go-cgo-glibc-into-alpine'] },
  {
    file: 'billing-gateway/Dockerfile',
    shows: ['dotnet-glibc-rid-for-alpine', 'dotnet-icu-missing'],
  },
  { file: 'customer-profile/Dockerfile', shows: ['prisma-engine-libc'] },
  {
    file: 'notification-gateway/Dockerfile',
    shows: ['node-modules-across-libc', 'glibc-compat-shim'],
  },
  {
    file: 'ops-toolbox/Dockerfile',
    shows: [
      'base-image-untagged',
      'glibc-download-in-alpine',
      'glibc-package-manager-in-alpine',
      'glibc-compat-shim',
      'pipefail-missing',
    ],
  },
  {
    file: 'platform-console/apps/api/Dockerfile',
    shows: [],
    cleanOf: 'warnings',
  },
  {
    file: 'platform-console/apps/worker/Dockerfile',
    shows: [
      'base-image-latest',
      'copy-all-before-install',
      'npm-cache-left',
      'root-user',
    ],
  },
  {
    file: 'platform-console/deploy/Dockerfile.migrations',
    shows: [],
    cleanOf: 'warnings',
  },
  { file: 'webhook-relay/Dockerfile', shows: ['parse-error'] },
  {
    file: 'partner-widget/Dockerfile',
    shows: ['go-cgo-glibc-into-alpine', 'apk-no-cache'],
  },
  {
    file: 'demand-forecast/Dockerfile',
    shows: ['alpine-eol', 'pip-no-musllinux-wheel'],
  },
  { file: 'legacy-reports/Dockerfile', shows: ['alpine-eol'] },
  {
    file: 'image-resizer/Dockerfile',
    shows: ['node-musl-platform-package-missing', 'copy-context-unignored'],
  },
  { file: 'inventory-sync/Dockerfile', shows: ['go-cgo-module-without-cgo'] },
  { file: 'status-page/Dockerfile', shows: [], cleanOf: 'warnings' },
  { file: 'warehouse-loader/Dockerfile', shows: ['no-alpine-stage'] },
];

const contexts = new Map<string, BuildContextInput>();

/** Each service's build context (its folder), as the demo backend's local reader and the CLI read it. */
beforeAll(async () => {
  for (const { file } of DEMONSTRATIONS) {
    contexts.set(
      file,
      await collectBuildContext(
        fileSystemTree(join(EXAMPLES, dirname(file))),
        basename(file),
      ),
    );
  }
});

function analyzeExample(file: string, withContext = true): FileReport {
  return analyzeDockerfile(
    {
      path: file,
      content: readFileSync(join(EXAMPLES, file), 'utf8'),
      context: withContext ? contexts.get(file) : undefined,
    },
    { now: ANALYSIS_DATE },
  );
}

function messagesOf(report: FileReport, rule: string): string[] {
  return report.findings
    .filter(finding => finding.ruleId === rule)
    .map(finding => `${finding.severity}: ${finding.message}`);
}

describe('the demo catalog shows what examples/README.md promises', () => {
  it.each(DEMONSTRATIONS)('$file shows its findings', ({ file, shows }) => {
    const rules = new Set(
      analyzeExample(file).findings.map(finding => finding.ruleId),
    );
    expect(shows.filter(rule => !rules.has(rule))).toEqual([]);
  });

  it.each(DEMONSTRATIONS.filter(({ cleanOf }) => cleanOf === 'warnings'))(
    '$file has no warning or error',
    ({ file }) => {
      const loud = analyzeExample(file)
        .findings.filter(finding => finding.severity !== 'info')
        .map(finding => `${finding.line} ${finding.ruleId}`);
      expect(loud).toEqual([]);
    },
  );

  it.each([
    [
      'image-resizer/Dockerfile',
      'node-musl-platform-package-missing',
      /^error: confirmed by package-lock.json: it locks `@img\/sharp-linux-x64` but not `@img\/sharp-linuxmusl-x64`/,
    ],
    [
      'inventory-sync/Dockerfile',
      'go-cgo-module-without-cgo',
      /^error: confirmed by go.mod: it requires `github.com\/mattn\/go-sqlite3`/,
    ],
    [
      'demand-forecast/Dockerfile',
      'pip-no-musllinux-wheel',
      /^error: confirmed by requirements.txt: `tensorflow==2.6.0`/,
    ],
    [
      'notification-gateway/Dockerfile',
      'node-modules-across-libc',
      /^error: .*confirmed by package-lock.json: bcrypt \(install script\)/,
    ],
  ])('%s: %s is confirmed by a lockfile', (file, rule, message) => {
    expect(messagesOf(analyzeExample(file), rule)).toContainEqual(
      expect.stringMatching(message),
    );
    // Without the build context it is a guess, or nothing at all.
    expect(messagesOf(analyzeExample(file, false), rule)).not.toContainEqual(
      expect.stringMatching(/confirmed by/),
    );
  });

  it('status-page: node_modules across libc is refuted by its lockfile', () => {
    expect(
      messagesOf(
        analyzeExample('status-page/Dockerfile'),
        'node-modules-across-libc',
      ),
    ).toEqual([
      expect.stringMatching(/^info: .*package-lock.json locks no native addon/),
    ]);
    expect(
      messagesOf(
        analyzeExample('status-page/Dockerfile', false),
        'node-modules-across-libc',
      ),
    ).toEqual([expect.stringMatching(/^warning: /)]);
  });

  it("quotes partner-widget's hostile stage name in the cgo finding", () => {
    const cgo = analyzeExample('partner-widget/Dockerfile').findings.find(
      finding => finding.ruleId === 'go-cgo-glibc-into-alpine',
    );
    expect(cgo?.message).toContain("`<svg/onload=alert('stage')>`");
  });
});

import type { Stage } from '../../../model';
import type { CopyInstruction } from '../../../parse';
import type { RuleCheck } from '../../framework/types';

const WHOLE_CONTEXT = /^(\.|\.\/|\.\/\*|\*)$/;

type Kind = 'hostDependencies' | 'secret' | 'registryConfig' | 'buildOutput';

/** Entries of a context that `COPY . .` should not carry, and why. */
const RISKY: ReadonlyArray<{ entry: RegExp; kind: Kind; why?: string }> = [
  {
    entry: /^node_modules\/$/,
    kind: 'hostDependencies',
    why: 'native addons and platform packages built for the host (often glibc or macOS) fail to load on {{libc}}',
  },
  {
    entry: /^(\.venv|venv)\/$/,
    kind: 'hostDependencies',
    why: "a virtualenv holds the host's interpreter links and wheels built for its libc",
  },
  {
    entry: /^vendor\/bundle\/$/,
    kind: 'hostDependencies',
    why: "gems with C extensions compiled for the host's libc",
  },
  // `.env.example` and its kin are committed on purpose, to be read.
  {
    entry: /^\.env(\.(?!(example|sample|template|dist|defaults)$).+)?$/,
    kind: 'secret',
  },
  { entry: /^\.(pypirc|netrc)$/, kind: 'secret' },
  // A project's .npmrc is mostly settings (pnpm's `auto-install-peers`,
  // `engine-strict`, a registry with a `${NPM_TOKEN}` placeholder): only
  // sometimes a token, which one entry name cannot tell.
  { entry: /^\.npmrc$/, kind: 'registryConfig' },
  { entry: /^\.git\/$/, kind: 'buildOutput' },
  { entry: /^(dist|build|target)\/$/, kind: 'buildOutput' },
];

export const check: RuleCheck = context => {
  const { facts } = context;
  // Without a context, or without entries worth a look, there is nothing to check.
  const entries = facts
    .entries()
    .filter(entry => RISKY.some(r => r.entry.test(entry)));
  if (entries.length === 0) return {};
  const visit = (copy: CopyInstruction, stage: Stage) => {
    if (
      copy.from ||
      !copy.sources.some(source => WHOLE_CONTEXT.test(source.value))
    )
      return;
    const ignore = facts.dockerignore();
    for (const entry of entries) {
      if (ignore.excludes(entry)) continue;
      const risk = RISKY.find(r => r.entry.test(entry))!;
      const name = entry.replace(/\/$/, '');
      context.report({
        at: copy,
        messageId: risk.kind,
        evidence: {
          source: ignore.file ?? 'build context',
          verdict: 'confirmed',
          detail: ignore.file
            ? `does not exclude ${name}`
            : `holds ${name} and no .dockerignore`,
        },
        severity: severityOf(risk.kind, stage),
        data: {
          copy: `${copy.keyword} ${copy.sources.map(s => s.value).join(' ')}`,
          entry: name,
          why: (risk.why ?? '').replace(
            '{{libc}}',
            stage.libc === 'musl' ? 'musl' : "the image's libc",
          ),
          ignore: ignore.file
            ? `; ${ignore.file} does not exclude it`
            : '; the context has no .dockerignore',
        },
      });
    }
  };
  return { COPY: visit, ADD: visit };
};

function severityOf(kind: Kind, stage: Stage): 'error' | 'info' | undefined {
  if (kind === 'hostDependencies' && stage.libc === 'musl') return 'error';
  if (kind === 'registryConfig') return 'info';
  return undefined;
}

/*
 * The facts room: what the build context's files say, parsed on first use
 * and at most once per analysis. An analysis without a context gets
 * NO_CONTEXT, which parses nothing and costs nothing.
 */
import { NO_DOCKERIGNORE, parseDockerignore } from './dockerignore';
import type { DockerignoreFacts } from './dockerignore';
import { CGO_ONLY_MODULES, parseGoMod } from './go';
import type { GoModFacts } from './go';
import { contextText } from './input';
import type { BuildContextInput, ContextNote } from './input';
import { NODE_LOCKFILES, parseNodeLockfile, parsePackageJson } from './node';
import type { NodeLockFacts } from './node';
import {
  includedRequirements,
  parsePipfileLock,
  parsePoetryLock,
  parsePyproject,
  parseRequirements,
  parseUvLock,
} from './python';
import type { PythonLockFacts } from './python';
import { parsePrismaSchema } from './prisma';
import type { PrismaSchemaFacts } from './prisma';
import { parseGemfileLock } from './ruby';
import type { GemfileLockFacts } from './ruby';
import { parseCargoLock } from './rust';
import type { CargoLockFacts } from './rust';

const PYTHON_LOCKFILES = ['uv.lock', 'poetry.lock', 'Pipfile.lock'] as const;
const PYTHON_PARSERS: Record<
  (typeof PYTHON_LOCKFILES)[number],
  (file: string, text: string) => PythonLockFacts
> = {
  'uv.lock': parseUvLock,
  'poetry.lock': parsePoetryLock,
  'Pipfile.lock': parsePipfileLock,
};

/**
 * What a Dockerfile's build context says, for rules (`context.facts`):
 * each file parsed on first use, at most once per analysis.
 * @public
 */
export class BuildContextFacts {
  private readonly files = new Map<
    string,
    BuildContextInput['files'][number]
  >();
  private readonly parsed = new Map<string, unknown>();
  private readonly notes = new Map<string, ContextNote>();

  constructor(
    private readonly input: BuildContextInput | undefined,
    /** The Dockerfile's name, for `<name>.dockerignore`. */
    private readonly dockerfileName = 'Dockerfile',
  ) {
    for (const file of input?.files ?? []) {
      const path = file.path.replace(/^\.\//, '');
      if (!this.files.has(path)) this.files.set(path, { ...file, path });
    }
  }

  /** Whether the host passed a build context at all. */
  get available(): boolean {
    return this.input !== undefined;
  }

  /** The context folder as the host named it. */
  get root(): string {
    return this.input?.root ?? '.';
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** The first Node.js lockfile of the context (package-lock.json, then yarn.lock, then pnpm-lock.yaml). */
  nodeLock(): NodeLockFacts | undefined {
    for (const name of NODE_LOCKFILES) {
      const facts = this.parse(name, text => parseNodeLockfile(name, text));
      if (facts) return facts;
    }
    return undefined;
  }

  /** package.json's dependency names. */
  packageJson(): { dependencies: ReadonlySet<string> } | undefined {
    return this.parse('package.json', parsePackageJson);
  }

  /** A requirements file by path (relative to the context, `./` allowed), or by name when the path is elsewhere. */
  requirements(path: string): PythonLockFacts | undefined {
    const clean = path.replace(/^\.\//, '').replace(/^\/+/, '');
    const found = this.files.has(clean)
      ? clean
      : [...this.files.keys()].find(
          candidate =>
            clean.endsWith(`/${candidate}`) ||
            candidate === clean.split('/').pop(),
        );
    if (!found || !/\.(txt|in)$/.test(found)) return undefined;
    return this.parse(found, text => parseRequirements(found, text));
  }

  /** The requirements files another one includes with `-r`, resolved in the context. */
  requirementsIncludedBy(path: string): PythonLockFacts[] {
    const facts = this.requirements(path);
    if (!facts) return [];
    const text = this.text(facts.file);
    if (text === undefined) return [];
    const folder = facts.file.includes('/')
      ? facts.file.replace(/\/[^/]*$/, '/')
      : '';
    return includedRequirements(text)
      .map(included => this.requirements(`${folder}${included}`))
      .filter((item): item is PythonLockFacts => !!item);
  }

  /** uv.lock, poetry.lock or Pipfile.lock, the first the context has. */
  pythonLock(): PythonLockFacts | undefined {
    for (const name of PYTHON_LOCKFILES) {
      const facts = this.parse(name, text => PYTHON_PARSERS[name](name, text));
      if (facts) return facts;
    }
    return undefined;
  }

  pyproject(): PythonLockFacts | undefined {
    return this.parse('pyproject.toml', text =>
      parsePyproject('pyproject.toml', text),
    );
  }

  goMod(): GoModFacts | undefined {
    return this.parse('go.mod', text => parseGoMod('go.mod', text));
  }

  /** Modules of go.mod that need cgo, with why. */
  cgoModules(): Array<{ module: string; why: string }> {
    const mod = this.goMod();
    if (!mod) return [];
    return [...mod.requires.keys()]
      .filter(module => CGO_ONLY_MODULES[module])
      .map(module => ({ module, why: CGO_ONLY_MODULES[module] }));
  }

  /** `prisma/schema.prisma`, else `schema.prisma`. */
  prismaSchema(): PrismaSchemaFacts | undefined {
    for (const name of ['prisma/schema.prisma', 'schema.prisma']) {
      const facts = this.parse(name, text => parsePrismaSchema(name, text));
      if (facts) return facts;
    }
    return undefined;
  }

  gemfileLock(): GemfileLockFacts | undefined {
    return this.parse('Gemfile.lock', text =>
      parseGemfileLock('Gemfile.lock', text),
    );
  }

  /** Cargo.lock's crates: which a Rust build links. */
  cargoLock(): CargoLockFacts | undefined {
    return this.parse('Cargo.lock', text => parseCargoLock('Cargo.lock', text));
  }

  /** `<Dockerfile>.dockerignore`, else `.dockerignore`, else nothing excluded. */
  dockerignore(): DockerignoreFacts {
    for (const name of [
      `${this.dockerfileName}.dockerignore`,
      '.dockerignore',
    ]) {
      const facts = this.parse(name, text => parseDockerignore(name, text));
      if (facts) return facts;
    }
    return NO_DOCKERIGNORE;
  }

  /** Entries at the top of the context (folders end with `/`). */
  entries(): readonly string[] {
    return this.input?.entries ?? [];
  }

  /**
   * Every context file that could not be used, after parsing all of them:
   * the notes a report carries.
   */
  allNotes(): ContextNote[] {
    if (!this.input) return [];
    this.nodeLock();
    this.packageJson();
    this.pythonLock();
    this.pyproject();
    this.goMod();
    this.gemfileLock();
    this.cargoLock();
    this.prismaSchema();
    this.dockerignore();
    for (const path of this.files.keys()) {
      if (/(^|\/)requirements[^/]*\.txt$/.test(path)) this.requirements(path);
    }
    for (const [path, file] of this.files) {
      // Files nothing parses (a schema read by a rule, say) still say when they were unreadable.
      if (!this.parsed.has(path) && file.skipped) {
        const result = contextText(file);
        if ('note' in result) this.notes.set(path, result.note);
      }
    }
    return [...this.notes.values()].sort((a, b) =>
      a.path.localeCompare(b.path, 'en'),
    );
  }

  /** A context file's text, or undefined when absent or unreadable (noted). */
  text(path: string): string | undefined {
    const file = this.files.get(path);
    if (!file) return undefined;
    const result = contextText(file);
    if ('note' in result) {
      this.notes.set(path, result.note);
      return undefined;
    }
    return result.text;
  }

  private parse<T>(path: string, parser: (text: string) => T): T | undefined {
    if (this.parsed.has(path)) return this.parsed.get(path) as T | undefined;
    let value: T | undefined;
    const text = this.text(path);
    if (text !== undefined) {
      try {
        value = parser(text);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.notes.set(path, {
          path,
          detail: `malformed: ${message.split('\n')[0].slice(0, 200)}`,
        });
      }
    }
    this.parsed.set(path, value);
    return value;
  }
}

/** The facts of an analysis without a build context: nothing, at no cost. */
export const NO_CONTEXT = new BuildContextFacts(undefined);

/**
 * Which build-context files an analysis of a Dockerfile can consult. Rules
 * read a lockfile or manifest only for an instruction that names its tool
 * (`npm ci` → package-lock.json, `pip install` → requirements and Python
 * lockfiles, `go build` → go.mod, `bundle install` → Gemfile.lock, `cargo` → Cargo.lock), and
 * `.dockerignore` only for a COPY or ADD from the context. Asked of the
 * whole text, a superset of what the rules ask of single instructions
 * (variables set in ARG or ENV included), so leaving the other files unread
 * changes no finding, and readers that fetch file by file ask for far fewer.
 */
const CONSULTED: ReadonlyArray<{ tools: RegExp; files: RegExp }> = [
  {
    tools: /npm|yarn|pnpm|prisma|node_modules/i,
    files:
      /^(package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|(prisma\/)?schema\.prisma)$/,
  },
  {
    tools: /pip|\buv\b|poetry|pipenv/i,
    files:
      /^(requirements[^/]*\.(txt|in)|requirements\/[^/]+\.(txt|in)|uv\.lock|poetry\.lock|Pipfile\.lock|pyproject\.toml)$/,
  },
  { tools: /\bgo\b/i, files: /^go\.mod$/ },
  { tools: /bundle/i, files: /^Gemfile\.lock$/ },
  { tools: /cargo/i, files: /^Cargo\.lock$/ },
  { tools: /^\s*(COPY|ADD)\b/im, files: /(^|\.)dockerignore$/ },
];

/**
 * A test for context paths (relative to the context, `prisma/schema.prisma`)
 * that an analysis of `dockerfileText` can consult.
 * @public
 */
export function consultedContextFiles(
  dockerfileText: string,
): (contextPath: string) => boolean {
  const consulted = CONSULTED.filter(({ tools }) =>
    tools.test(dockerfileText),
  ).map(({ files }) => files);
  return contextPath => consulted.some(files => files.test(contextPath));
}

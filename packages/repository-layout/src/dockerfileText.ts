/**
 * Discovery goes by name, and names mislead: Go sources called
 * `dockerfile.go`, templates rendered into a Dockerfile elsewhere
 * (`FROM {{ .base }}`, `{{InsertTemplate(…)}}` lines), fragments without a
 * `FROM` that a build script puts together. Analysed, each gets parse errors
 * that are no fault of the repository's. A file found by name is analysed
 * only when its text reads as a Dockerfile; a file someone names (the
 * annotation, a path on the command line) is analysed whatever it reads as.
 */

/** Why a file named like a Dockerfile is not one. @public */
export type NotADockerfileReason =
  | 'template'
  | 'not-dockerfile-syntax'
  | 'no-from'
  | 'empty';

/** @public */
export interface NotADockerfile {
  reason: NotADockerfileReason;
  /** What the file is instead, to follow "<path> is": one line for people. */
  message: string;
}

const INSTRUCTIONS = new Set([
  'add',
  'arg',
  'cmd',
  'copy',
  'entrypoint',
  'env',
  'expose',
  'from',
  'healthcheck',
  'label',
  'maintainer',
  'onbuild',
  'run',
  'shell',
  'stopsignal',
  'user',
  'volume',
  'workdir',
]);

/** The names `docker build` and `podman build` read without `-f`. */
const DEFAULT_NAME = /^(?:dockerfile|containerfile)$/i;
/** Go templates, Jinja and their kin start a line with one of these. */
const TEMPLATE_LINE = /^[ \t]*(?:\{\{|\{%)/;
/** An image named by a placeholder: `FROM {{ .base }}`, `FROM debian:%%SUITE%%`. */
const TEMPLATE_IMAGE = /^[ \t]*from[ \t][^\n]*(?:\{\{|%%[A-Z_]+%%)/i;
/** `<<EOF`, `<<-"EOF"`, `<<'EOF'`: the lines up to the delimiter are a file's or a script's, not instructions. */
const HEREDOC_START = /<<-?[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g;
const FIRST_WORD = /^[ \t]*([A-Za-z]+)(?=[ \t]|$)/;
const ESCAPE_DIRECTIVE = /^#[ \t]*escape[ \t]*=[ \t]*([\\`])[ \t]*$/i;

/** Larger files, and bytes that are not UTF-8 text, are left to the analyzer, which says what is wrong with them. */
const MAX_CHECKED_BYTES = 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Undefined when the content of the file at `path` reads as a Dockerfile;
 * otherwise why not. A Dockerfile with mistakes still reads as one (an
 * unknown instruction after the first, a lost `\`): only text that is
 * something else is turned away. A file of the default name (`Dockerfile`,
 * `Containerfile`) is turned away only as a template.
 * Binary and oversized content is not judged here (undefined): the
 * analyzer's findings name those problems.
 * @public
 */
export function whyNotADockerfile(
  path: string,
  content: string | Uint8Array,
): NotADockerfile | undefined {
  const text = textOf(content);
  if (text === undefined) return undefined;
  const why = judgeText(text);
  // `docker build .` builds a file of the default name: one that is not a
  // Dockerfile yet (no FROM, a lost first line) is a mistake to report,
  // unless it is a template.
  if (why && why.reason !== 'template' && DEFAULT_NAME.test(baseName(path))) {
    return undefined;
  }
  return why;
}

function baseName(path: string): string {
  return path.slice(
    Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1,
  );
}

function textOf(content: string | Uint8Array): string | undefined {
  const size =
    typeof content === 'string' ? content.length : content.byteLength;
  if (size > MAX_CHECKED_BYTES) return undefined;
  let text: string;
  try {
    text = typeof content === 'string' ? content : utf8.decode(content);
  } catch {
    return undefined;
  }
  return text.includes('\u0000') ? undefined : text;
}

function judgeText(text: string): NotADockerfile | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let escape = '\\';
  let directivesAllowed = true;
  let continued = false;
  let heredocs: string[] = [];
  let firstInstruction: string | undefined;
  let hasFrom = false;
  for (const line of lines) {
    if (heredocs.length > 0) {
      if (line.replace(/^\t+/, '') === heredocs[0])
        heredocs = heredocs.slice(1);
      continue;
    }
    if (directivesAllowed) {
      const directive = ESCAPE_DIRECTIVE.exec(line);
      if (directive) escape = directive[1];
      if (!line.startsWith('#')) directivesAllowed = false;
    }
    const trimmed = line.trim();
    if (TEMPLATE_LINE.test(line) || TEMPLATE_IMAGE.test(line)) {
      return {
        reason: 'template',
        message:
          'a template ({{ … }} or {% … %}) to be rendered into a Dockerfile, not one yet',
      };
    }
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (!continued) {
      const word = FIRST_WORD.exec(line)?.[1]?.toLowerCase();
      if (firstInstruction === undefined) {
        firstInstruction = trimmed;
        if (!word || !INSTRUCTIONS.has(word)) {
          return {
            reason: 'not-dockerfile-syntax',
            message: `not Dockerfile syntax: its first line is "${shorten(
              trimmed,
            )}"`,
          };
        }
      }
      if (word === 'from') hasFrom = true;
    }
    heredocs.push(...heredocDelimiters(line));
    continued = trimmed.endsWith(escape);
  }
  if (firstInstruction === undefined) {
    return { reason: 'empty', message: 'empty: no instruction at all' };
  }
  if (!hasFrom) {
    return {
      reason: 'no-from',
      message:
        'a fragment without FROM, to be put into a Dockerfile elsewhere, not one to build',
    };
  }
  return undefined;
}

function heredocDelimiters(line: string): string[] {
  return [...line.matchAll(HEREDOC_START)].map(match => match[2]);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

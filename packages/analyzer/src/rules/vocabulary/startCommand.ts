/*
 * What an image starts: its CMD and ENTRYPOINT read through wrappers
 * (`docker-entrypoint.sh`, tini), and whether that is a service of its own
 * or not (no command, a shell or REPL, a help screen, a development server,
 * an idle loop): such an image is a base, a toolchain or a toolbox, and
 * rules about what a running service ships (root, a toolchain) say so.
 */
import type { Stage } from '../../model';
import type { CommandInstruction, DockerInstruction } from '../../parse';
import { commandBaseName } from '../../shell';

/**
 * Official images whose own CMD starts a server that stays root (nginx's and
 * httpd's master process, caddy, traefik, php-fpm's master, tomcat): an
 * image FROM one of them with no CMD of its own runs that server. (redis,
 * postgres and the like drop to their user in their entrypoint; haproxy's
 * image sets USER haproxy.)
 */
const ROOT_SERVICE_IMAGES = /^(nginx|caddy|httpd|traefik|tomcat)$/;
const ROOT_SERVICE_PHP_TAG = /(^|-)(fpm|apache)(-|$)/;

/** The base image's own CMD starts a server that runs as root. */
function baseRunsRootService(chain: Stage[]): boolean {
  // The image reference drops Docker Hub's registry and `library/` already.
  const image = chain[chain.length - 1].image;
  if (image.registry) return false;
  if (ROOT_SERVICE_IMAGES.test(image.repository)) return true;
  return (
    image.repository === 'php' && ROOT_SERVICE_PHP_TAG.test(image.tag ?? '')
  );
}

/** An ENTRYPOINT that only prepares the container and runs its arguments: `docker-entrypoint.sh`, `/__cacert_entrypoint.sh`, tini. */
const WRAPPER = /entrypoint|^(tini|dumb-init)$/i;

/** Options that keep a shell or REPL interactive: `bash --login -i`, `php -a`. */
const INTERACTIVE_FLAGS = /^(-a|-i|-l|-il|-li|--login)$/;

/** Arguments that only print usage or version. */
const HELP = /^(-h|--help(-.*)?|help|-V|--version|version)$/;

/** A shell or language REPL: what base and toolchain images start by default. */
const INTERACTIVE =
  /^(sh|ash|bash|zsh|python[\d.]*|pypy[\d.]*|node|irb|iex|erl|jshell|ghci|julia|lua[\d.]*|R|perl[\d.]*|ruby|php)$/;

/** `npm run dev`, `pnpm dev`, `npx next dev`, `vite`: a server that rebuilds the source as it changes. */
function startsDevServer(start: string[]): boolean {
  const [program, first, second] = start[0] === 'npx' ? start.slice(1) : start;
  if (['npm', 'pnpm', 'yarn', 'bun'].includes(program))
    return (first === 'run' ? second : first) === 'dev';
  if (['next', 'nuxt', 'astro'].includes(program)) return first === 'dev';
  return (
    program === 'vite' &&
    (first === undefined || first === 'dev' || first.startsWith('-'))
  );
}

/** The words the container starts with: the CMD behind a wrapper ENTRYPOINT, else the ENTRYPOINT's (base names first). */
function startArgv(chain: Stage[]): string[] {
  const entrypoint = lastCommand(chain, 'ENTRYPOINT')?.argv ?? [];
  const words =
    entrypoint.length > 0 && !WRAPPER.test(commandBaseName(entrypoint[0].value))
      ? entrypoint
      : lastCommand(chain, 'CMD')?.argv ?? [];
  return words.map((word, index) =>
    index === 0 ? commandBaseName(word.value) : word.value,
  );
}

/** Options of tini and dumb-init that take a value (`-p SIGTERM`, `-r 15:2`). */
const WRAPPER_OPTIONS_WITH_VALUE = /^(-p|-e|-r|--rewrite)$/;

/**
 * The program an exec-form ENTRYPOINT of the file runs itself, if any: not a
 * wrapper that runs its arguments (`docker-entrypoint.sh`, bare tini), but
 * `["/app"]` or `["tini", "--", "/app"]`. CMD is then that program's
 * arguments.
 */
export function entrypointProgram(chain: Stage[]): string | undefined {
  const entrypoint = lastCommand(chain, 'ENTRYPOINT');
  if (!entrypoint || entrypoint.form !== 'exec') return undefined;
  const words = entrypoint.argv.map(word => word.value);
  if (words.length === 0) return undefined;
  const first = commandBaseName(words[0]);
  if (!WRAPPER.test(first)) return first;
  if (!/^(tini|dumb-init)$/.test(first)) return undefined;
  const separator = words.indexOf('--');
  const wrapped =
    separator >= 0
      ? words[separator + 1]
      : words.find(
          (word, index) =>
            index > 0 &&
            !word.startsWith('-') &&
            !WRAPPER_OPTIONS_WITH_VALUE.test(words[index - 1]),
        );
  return wrapped === undefined ? undefined : commandBaseName(wrapped);
}

/** The program the container starts: the CMD behind a wrapper ENTRYPOINT, else the ENTRYPOINT's. */
export function startProgram(chain: Stage[]): string | undefined {
  const entrypoint = lastCommand(chain, 'ENTRYPOINT')?.argv[0]?.value;
  if (entrypoint !== undefined && !WRAPPER.test(commandBaseName(entrypoint)))
    return commandBaseName(entrypoint);
  const cmd = lastCommand(chain, 'CMD')?.argv[0]?.value;
  return cmd === undefined ? undefined : commandBaseName(cmd);
}

/** The CMD or ENTRYPOINT in effect: the last one in the file (parent stages come first). */
function lastCommand(
  chain: Stage[],
  keyword: 'CMD' | 'ENTRYPOINT',
): CommandInstruction | undefined {
  return startCommands(chain)
    .filter(command => command.keyword === keyword)
    .reduce<CommandInstruction | undefined>(
      (found, command) =>
        !found || command.start > found.start ? command : found,
      undefined,
    );
}

/** Every CMD and ENTRYPOINT of the stages (ONBUILD ones excluded). */
export function startCommands(chain: Stage[]): CommandInstruction[] {
  return chain.flatMap(stage =>
    stage.instructions.filter(
      (instruction: DockerInstruction): instruction is CommandInstruction =>
        (instruction.keyword === 'CMD' ||
          instruction.keyword === 'ENTRYPOINT') &&
        !instruction.onbuild,
    ),
  );
}

/**
 * Whether the file leaves the command to someone else: no CMD or ENTRYPOINT
 * at all (a base image to build on, or one that keeps the command of the
 * image it extends, which we cannot see), or a CMD that only opens a shell
 * or a REPL (`CMD ["python3"]`, `CMD ["iex"]`, also behind an entrypoint
 * wrapper), the default of toolchain images. Their consumers add the USER.
 */
export function startsNoServiceOfItsOwn(chain: Stage[]): boolean {
  if (startCommands(chain).length === 0) return !baseRunsRootService(chain);
  // `go run main.go`, nodemon: a development image that builds the source when it starts;
  // `sleep infinity`, `tail -f /dev/null`: a toolbox that idles until someone execs into it.
  const start = startArgv(chain);
  if (
    (start[0] === 'go' && start[1] === 'run') ||
    start[0] === 'nodemon' ||
    startsDevServer(start) ||
    (start[0] === 'sleep' && /^inf(inity)?$/.test(start[1] ?? '')) ||
    (start[0] === 'tail' && start.includes('/dev/null'))
  )
    return true;
  const entrypoint = lastCommand(chain, 'ENTRYPOINT')?.argv[0]?.value;
  const cmd = lastCommand(chain, 'CMD');
  // An ENTRYPOINT of its own is the image's program (a wrapper such as `docker-entrypoint.sh` is not)…
  const ownEntrypoint =
    entrypoint !== undefined && !WRAPPER.test(commandBaseName(entrypoint));
  // …and only a wrapper ENTRYPOINT (Adoptium's `/__cacert_entrypoint.sh`) runs whatever it is given.
  if (!cmd) return !ownEntrypoint;
  const words = cmd.argv.map(word => word.value);
  if (words.length === 0) return false;
  // `CMD ["--help"]` behind a tool's ENTRYPOINT, or `CMD ["ansible-playbook", "--version"]`: a command-line tool run on demand.
  if (ownEntrypoint) return words.every(word => HELP.test(word));
  if (words.length > 1 && words.slice(1).every(word => HELP.test(word)))
    return true;
  return (
    INTERACTIVE.test(commandBaseName(words[0])) &&
    words.slice(1).every(word => INTERACTIVE_FLAGS.test(word))
  );
}

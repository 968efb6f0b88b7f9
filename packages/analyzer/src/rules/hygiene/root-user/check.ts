import type { Stage } from '../../../model';
import { imagePath } from '../../../model';
import type { CommandInstruction, DockerInstruction } from '../../../parse';
import { commandBaseName } from '../../../shell';
import type { RuleCheck } from '../../framework/types';
import { installedPackages, stageChain, wordsOf } from '../../vocabulary';

const ROOT = /^(root|0)(:.*)?$/;

/** Base images that already run as an unprivileged user (nginx-unprivileged sets USER 101). */
function baseRunsUnprivileged(stage: Stage): boolean {
  const root = stageChain(stage).pop()!;
  return (
    /nonroot/.test(root.image.tag ?? '') ||
    /(^|\/)nginxinc\/nginx-unprivileged$/.test(imagePath(root.image)) ||
    (root.image.registry === 'cgr.dev' && !/-dev$/.test(root.image.tag ?? ''))
  );
}

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

/** Tools an entrypoint uses to drop from root to the service user. */
const PRIVILEGE_DROP = /^(su-exec|gosu|setpriv|chpst|s6-setuidgid|runuser)$/;
/** Alpine packages that provide them. */
const PRIVILEGE_DROP_PACKAGES = new Set([
  'su-exec',
  'gosu',
  'setpriv',
  'runit',
  's6',
]);

/**
 * Servers that do not run as root: mysqld and memcached exit unless told to
 * switch user, postgres always does, mosquitto switches to its `mosquitto`
 * user when started as root, and Alpine's freeradius configures radiusd to
 * switch to `radius`. A server that merely hands
 * requests to unprivileged workers (nginx, php-fpm) still runs its master as
 * root and is reported.
 */
const REFUSE_ROOT = /^(mysqld|mariadbd|postgres|memcached|mosquitto|radiusd)$/;

/** Programs that configure network interfaces (VPNs, tunnels): root, or capabilities only root keeps, is their job. */
const NETWORK_ADMIN =
  /^(openvpn|wg-quick|dsvpn|xl2tpd|ipsec|hans|iodined|tcpdump)$/;

/** The Docker client, its daemon socket and docker-gen: tools that drive the host's Docker run as root by design. */
const DOCKER_CLIENT = /^(docker|docker\.sock|docker-gen)$/;
const DOCKER_PACKAGES = /^docker(-cli.*)?$/;

/** An ENTRYPOINT that only prepares the container and runs its arguments: `docker-entrypoint.sh`, `/__cacert_entrypoint.sh`, tini. */
const WRAPPER = /entrypoint|^(tini|dumb-init)$/i;

/** Options that keep a shell or REPL interactive: `bash --login -i`, `php -a`. */
const INTERACTIVE_FLAGS = /^(-a|-i|-l|-il|-li|--login)$/;

/** Arguments that only print usage or version. */
const HELP = /^(-h|--help(-.*)?|help|-V|--version|version)$/;

/** A shell or language REPL: what base and toolchain images start by default. */
const INTERACTIVE =
  /^(sh|ash|bash|zsh|python[\d.]*|pypy[\d.]*|node|irb|iex|erl|jshell|ghci|julia|lua[\d.]*|R|perl[\d.]*|ruby|php)$/;

/**
 * Whether the image starts as root on purpose to drop privileges in its
 * entrypoint: it installs or fetches su-exec/gosu (docker-library's images,
 * `gosu nobody true` as a self-test), runs one in ENTRYPOINT/CMD, or is built
 * on s6-overlay (`/init`, linuxserver's base images, which switch to the
 * PUID/PGID user).
 */
function dropsPrivilegesAtStart(chain: Stage[]): boolean {
  const stage = chain[0];
  for (const name of installedPackages(stage))
    if (PRIVILEGE_DROP_PACKAGES.has(name)) return true;
  for (const current of chain) {
    if (/(^|\/)linuxserver\/baseimage-/.test(current.image.repository ?? ''))
      return true;
    for (const run of current.runs)
      if (
        wordsOf(run).some(word =>
          PRIVILEGE_DROP.test(commandBaseName(word.value)),
        )
      )
        return true;
    for (const copy of current.copies)
      if (
        [...copy.sources, ...(copy.destination ? [copy.destination] : [])].some(
          path => PRIVILEGE_DROP.test(commandBaseName(path.value)),
        ) ||
        /gosu|su-exec/.test(copy.from ?? '')
      )
        return true;
  }
  if (
    startCommands(chain).some(command =>
      command.argv.some(
        word =>
          PRIVILEGE_DROP.test(commandBaseName(word.value)) ||
          word.value === '/init',
      ),
    )
  )
    return true;
  const program = startProgram(chain);
  return (
    program !== undefined &&
    (REFUSE_ROOT.test(program) || NETWORK_ADMIN.test(program))
  );
}

/**
 * Whether the image drives the host's Docker daemon (installs or fetches the
 * docker client, runs docker-gen, sets DOCKER_HOST): the daemon socket is
 * root's, so these tools run as root by design (dive, nginx-proxy).
 */
function drivesDocker(chain: Stage[]): boolean {
  for (const name of installedPackages(chain[0]))
    if (DOCKER_PACKAGES.test(name)) return true;
  return chain.some(
    stage =>
      stage.env('DOCKER_HOST') !== undefined ||
      stage.runs.some(run =>
        wordsOf(run).some(word =>
          DOCKER_CLIENT.test(commandBaseName(word.value)),
        ),
      ) ||
      stage.copies.some(copy =>
        [...copy.sources, ...(copy.destination ? [copy.destination] : [])].some(
          path => DOCKER_CLIENT.test(commandBaseName(path.value)),
        ),
      ),
  );
}

/** The program the container starts: the CMD behind a wrapper ENTRYPOINT, else the ENTRYPOINT's. */
/** The words the container starts with: the CMD behind a wrapper ENTRYPOINT, else the ENTRYPOINT's (base names first). */
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

function startProgram(chain: Stage[]): string | undefined {
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

function startCommands(chain: Stage[]): CommandInstruction[] {
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
function isBaseImage(chain: Stage[]): boolean {
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

export const check: RuleCheck = context => ({
  file(model) {
    const stage = model.finalStage;
    // On a file that does not parse, a missing USER may just be swallowed (e.g. by an open heredoc).
    if (!stage || model.syntax.problems.length > 0) return;
    const chain = stageChain(stage);
    // Whether the image runs as root by design: the dearest question (every
    // word of every RUN), so asked only once a finding is otherwise due.
    const rootByDesign = () =>
      dropsPrivilegesAtStart(chain) || drivesDocker(chain);
    const users = chain.flatMap(s =>
      s.instructions.filter(i => i.keyword === 'USER' && !i.onbuild),
    );
    const lastUser = users.reduce<(typeof users)[number] | undefined>(
      (last, user) => (!last || user.start > last.start ? user : last),
      undefined,
    );
    if (lastUser) {
      const name = lastUser.args.map(arg => arg.value).join(' ');
      if (ROOT.test(name) && !rootByDesign()) {
        context.report({
          at: lastUser,
          messageId: 'lastUserRoot',
          data: { user: name },
        });
      }
      return;
    }
    // A scratch image has no users to switch to: only an explicit root USER is reported there.
    if (stage.distro === 'scratch' || baseRunsUnprivileged(stage)) return;
    if (rootByDesign()) return;
    if (isBaseImage(chain)) {
      context.report({
        at: stage.from,
        severity: 'info',
        messageId: 'noUserBaseImage',
      });
      return;
    }
    context.report({
      at: stage.from,
      messageId: 'noUser',
    });
  },
});

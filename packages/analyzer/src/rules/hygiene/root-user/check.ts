import type { Stage } from '../../../model';
import { imagePath } from '../../../model';
import type { CommandInstruction } from '../../../parse';
import { commandBaseName, parseShell } from '../../../shell';
import type { RuleCheck } from '../../framework/types';
import {
  installedPackages,
  isToolingImagePath,
  stageChain,
  startCommands,
  startProgram,
  startsNoServiceOfItsOwn,
  wordsOf,
} from '../../vocabulary';

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

/** Programs that configure network interfaces, routes and netfilter (VPNs, tunnels, routers): root, or capabilities only root keeps, is their job. */
const NETWORK_ADMIN =
  /^(openvpn|wg-quick|dsvpn|hans|iodined|tcpdump|iptables|ip6tables|nft|ipsec|pluto|charon|xl2tpd|pppd|ocserv)$/;
/** Alpine packages of VPN servers, whose start script we often cannot see. */
const VPN_PACKAGES = new Set([
  'openvpn',
  'wireguard-tools',
  'strongswan',
  'libreswan',
  'xl2tpd',
  'ocserv',
]);

/** Servers that switch to the connecting or logged-in user, which only root can do: sshd, Samba, FTP and mail servers. */
const USER_SWITCHING =
  /^(sshd|smbd|nmbd|samba|vsftpd|proftpd|pure-ftpd|dovecot|dropbear)$/;
/** Their Alpine packages. Not openssh: images install it for the ssh client (git over ssh), so only starting sshd counts. */
const USER_SWITCHING_PACKAGES = new Set([
  'samba',
  'samba-dc',
  'samba-server',
  'vsftpd',
  'proftpd',
  'pure-ftpd',
  'dovecot',
  'postfix',
  'opensmtpd',
]);

/** The Docker client, its daemon socket and docker-gen: tools that drive the host's Docker run as root by design. */
const DOCKER_CLIENT = /^(docker|docker\.sock|docker-gen)$/;
const DOCKER_PACKAGES = /^docker(-cli.*)?$/;

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
  return program !== undefined && REFUSE_ROOT.test(program);
}

/** An exec-form string as the shell reads it back. */
const shellQuoted = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * Every program a CMD or ENTRYPOINT runs: each command of a shell line
 * (`iptables … && ipsec pluto && xl2tpd -D`, also inside `sh -c`), the one
 * behind `exec`. Only names are read, so offsets do not matter.
 */
function programsRun(command: CommandInstruction): string[] {
  const line = command.argv
    .map(word =>
      command.form === 'shell' ? word.text : shellQuoted(word.value),
    )
    .join(' ');
  return parseShell(line, 0).commands.map(({ name, args }) =>
    name === 'exec' && args[0] ? commandBaseName(args[0].value) : name,
  );
}

/**
 * Whether the image's job needs root: a VPN server or router that configures
 * interfaces, routes and netfilter (it installs a VPN server package or runs
 * one of those programs anywhere in its start line), or a server that
 * switches to the connecting user (Samba, FTP, mail, sshd when started).
 */
function needsRootForItsJob(chain: Stage[]): boolean {
  for (const name of installedPackages(chain[0]))
    if (VPN_PACKAGES.has(name) || USER_SWITCHING_PACKAGES.has(name))
      return true;
  return startCommands(chain).some(command =>
    programsRun(command).some(
      program => NETWORK_ADMIN.test(program) || USER_SWITCHING.test(program),
    ),
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

export const check: RuleCheck = context => ({
  file(model) {
    const stage = model.finalStage;
    // On a file that does not parse, a missing USER may just be swallowed (e.g. by an open heredoc).
    if (!stage || model.syntax.problems.length > 0) return;
    const chain = stageChain(stage);
    // An image for tests, CI or builds (by its path) does not run in
    // production: root there is worth knowing, not a warning.
    const forTooling = isToolingImagePath(context.path);
    // Whether the image runs as root by design: the dearest question (every
    // word of every RUN), so asked only once a finding is otherwise due.
    const rootByDesign = () =>
      dropsPrivilegesAtStart(chain) ||
      drivesDocker(chain) ||
      needsRootForItsJob(chain);
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
          ...(forTooling
            ? { severity: 'info', messageId: 'lastUserRootTooling' }
            : { messageId: 'lastUserRoot' }),
          data: { user: name },
        });
      }
      return;
    }
    // A scratch image has no users to switch to: only an explicit root USER is reported there.
    if (stage.distro === 'scratch' || baseRunsUnprivileged(stage)) return;
    if (rootByDesign()) return;
    if (startsNoServiceOfItsOwn(chain)) {
      context.report({
        at: stage.from,
        severity: 'info',
        messageId: 'noUserBaseImage',
      });
      return;
    }
    context.report({
      at: stage.from,
      ...(forTooling
        ? { severity: 'info', messageId: 'noUserTooling' }
        : { messageId: 'noUser' }),
    });
  },
});

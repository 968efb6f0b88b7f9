import type { Stage } from '../../../model';
import type { ShellCommand, ShellWord } from '../../../shell';
import type { Severity } from '../../../types';
import type { Locatable, RuleCheck } from '../../framework/types';
import {
  flagValue,
  flagWord,
  isPipCommandName,
  positionalArgs,
} from '../../vocabulary';

/** One place where verification is turned off. */
interface Insecure {
  at: Locatable;
  messageId: string;
  data?: Readonly<Record<string, string>>;
  /** The peer check it matches. */
  alias?: string;
  severity?: Severity;
}

/** Environment variables that turn verification off, with the values that do. */
const INSECURE_VARIABLES: Array<{
  name: RegExp;
  disables: (value: string) => boolean;
  why: string;
  alias?: string;
}> = [
  {
    name: /^NODE_TLS_REJECT_UNAUTHORIZED$/,
    disables: value => value === '0',
    why: 'Node.js then accepts any certificate',
    alias: 'checkov:CKV2_DOCKER_6',
  },
  {
    name: /^PYTHONHTTPSVERIFY$/,
    disables: value => value === '0',
    why: 'Python (2.7 and distribution builds that follow PEP 493) then skips HTTPS certificate checks',
    alias: 'checkov:CKV2_DOCKER_5',
  },
  {
    name: /^GIT_SSL_NO_VERIFY$/,
    disables: () => true,
    why: 'git skips certificate checks whenever it is set, whatever its value',
    alias: 'checkov:CKV2_DOCKER_14',
  },
  {
    name: /^npm_config_strict_ssl$/i,
    disables: isFalse,
    why: 'npm then accepts any registry certificate',
    alias: 'checkov:CKV2_DOCKER_12',
  },
  {
    name: /^YARN_(ENABLE_)?STRICT_SSL$/,
    disables: isFalse,
    why: 'yarn then accepts any registry certificate',
  },
  {
    name: /^PIP_TRUSTED_HOST$/,
    disables: value => value.trim() !== '',
    why: 'pip then skips certificate checks for these hosts',
    alias: 'checkov:CKV2_DOCKER_16',
  },
  {
    name: /^GOINSECURE$/,
    disables: value => value.trim() !== '',
    why: 'the go command then fetches these modules without certificate checks',
  },
];

function isFalse(value: string): boolean {
  return /^(false|0)$/i.test(value);
}

/** A git boolean that reads as false. */
function isGitFalse(value: string): boolean {
  return /^(false|no|off|0|)$/i.test(value);
}

function insecureVariable(
  name: string,
  value: string,
  at: Locatable,
): Insecure | undefined {
  const known = INSECURE_VARIABLES.find(variable => variable.name.test(name));
  if (!known || !known.disables(value)) return undefined;
  return {
    at,
    messageId: 'insecureVariable',
    data: { name, value, why: known.why },
    alias: known.alias,
  };
}

/** Builtins whose `NAME=value` arguments set variables for what follows. */
const SETTERS = new Set(['export', 'declare', 'typeset', 'readonly', 'env']);

function variablesSetBy(command: ShellCommand): Insecure[] {
  const found: Insecure[] = [];
  for (const assignment of command.assignments) {
    const problem = insecureVariable(
      assignment.name,
      assignment.value?.value ?? '',
      assignment,
    );
    if (problem) found.push(problem);
  }
  if (SETTERS.has(command.name)) {
    for (const word of command.args) {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value);
      const problem = match && insecureVariable(match[1], match[2], word);
      if (problem) found.push(problem);
    }
  }
  return found;
}

/** `busybox wget …` is `wget …`. */
function unwrapBusybox(command: ShellCommand): {
  name: string;
  command: ShellCommand;
} {
  if (command.name === 'busybox' && command.args[0]) {
    const [applet, ...args] = command.args;
    return { name: applet.value, command: { ...command, args } };
  }
  return { name: command.name, command };
}

/**
 * True when every URL the downloader fetches is plain HTTP or on the
 * container itself (`curl -k https://localhost:8443/health` while the build
 * starts a service): no certificate of someone else's server is skipped.
 */
function onlyLocalOrPlainUrls(command: ShellCommand): boolean {
  const urls = command.args.filter(arg =>
    /^[a-z][a-z0-9+.-]*:\/\//i.test(arg.value),
  );
  return (
    urls.length > 0 &&
    urls.every(url =>
      /^http:\/\/|^https:\/\/(localhost|127(\.\d+){3}|\[::1\])([:/]|$)/i.test(
        url.value,
      ),
    )
  );
}

/** curl short options that take a value: `k` after one of them is part of the value. */
const CURL_SHORT_WITH_VALUE = new Set('AbcCdDeEFHKmoPQrtTuUwxXyYz');

/** `-k` alone or in a cluster (`-fsSLk`), or `--insecure`. */
function curlInsecureFlag(command: ShellCommand): ShellWord | undefined {
  let skipNext = false;
  for (const arg of command.args) {
    if (skipNext) {
      skipNext = false;
      continue;
    }
    const { value } = arg;
    if (value === '--') return undefined;
    if (value === '--insecure') return arg;
    if (!/^-[^-]/.test(value)) continue;
    for (let i = 1; i < value.length; i++) {
      if (value[i] === 'k') return arg;
      if (CURL_SHORT_WITH_VALUE.has(value[i])) {
        skipNext = i === value.length - 1;
        break;
      }
    }
  }
  return undefined;
}

/** Options of `git` itself that take a value. */
const GIT_OPTIONS_WITH_VALUE = ['-C', '-c', '--git-dir', '--work-tree'];

/** `git -c http.sslVerify=false …` and `git config [--global] http.sslVerify false`. */
function gitInsecure(command: ShellCommand): Insecure[] {
  const found: Insecure[] = [];
  const key = (text: string) => /^http\.(.+\.)?sslverify$/i.test(text);
  const { args } = command;
  for (let i = 0; i < args.length - 1; i++) {
    if (args[i].value !== '-c') continue;
    const [name, ...rest] = args[i + 1].value.split('=');
    if (key(name) && rest.length > 0 && isGitFalse(rest.join('=')))
      found.push({
        at: args[i + 1],
        messageId: 'gitOption',
        data: { setting: args[i + 1].value },
      });
  }
  const positional = positionalArgs(command, [
    ...GIT_OPTIONS_WITH_VALUE,
    '--file',
    '-f',
    '--blob',
    '--type',
  ]);
  if (positional[0]?.value === 'config') {
    const words = positional.slice(positional[1]?.value === 'set' ? 2 : 1);
    const keyIndex = words.findIndex(word => key(word.value));
    const value = words[keyIndex + 1];
    if (keyIndex !== -1 && value && isGitFalse(value.value))
      found.push({
        at: words[keyIndex],
        messageId: 'gitConfig',
        data: { key: words[keyIndex].value, value: value.value },
      });
  }
  return found;
}

/** Where the key is in `config set KEY VALUE` (`npm set KEY VALUE` too), or -1. */
function configSetStart(tool: string, words: string[]): number {
  if ((words[0] === 'config' || words[0] === 'c') && words[1] === 'set')
    return 2;
  // `yarn set` is yarn berry's `yarn set version`, not a config setter.
  return words[0] === 'set' && tool !== 'yarn' ? 1 : -1;
}

/** `npm config set strict-ssl false`, `yarn config set strict-ssl false`, `--strict-ssl=false`, `--no-strict-ssl`. */
function packageManagerInsecure(
  tool: string,
  command: ShellCommand,
): Insecure[] {
  const found: Insecure[] = [];
  const alias = 'checkov:CKV2_DOCKER_13';
  for (const arg of command.args) {
    if (
      /^--no-strict-ssl$/.test(arg.value) ||
      /^--strict-ssl=(false|0)$/i.test(arg.value)
    )
      found.push({
        at: arg,
        messageId: 'strictSslFlag',
        data: { tool, flag: arg.value },
        alias,
      });
  }
  const words = positionalArgs(command).map(word => word.value);
  const start = configSetStart(tool, words);
  if (start === -1) return found;
  const positional = positionalArgs(command);
  const [name, inlineValue] = words[start]?.split('=') ?? [];
  const value = inlineValue ?? words[start + 1];
  if (
    /^(strict-ssl|enableStrictSsl)$/.test(name ?? '') &&
    value !== undefined &&
    isFalse(value)
  )
    found.push({
      at: positional[start],
      messageId: 'strictSslConfig',
      data: {
        tool,
        command: words
          .slice(0, start + (inlineValue === undefined ? 2 : 1))
          .join(' '),
      },
      alias,
    });
  return found;
}

/** `--setopt=sslverify=0` (or `<repo>.sslverify=false`) of yum and dnf. */
function rpmInsecure(command: ShellCommand): Insecure | undefined {
  const setopt = flagValue(command, '--setopt');
  if (setopt && /^(?:[^=\s]+\.)?sslverify=(0|false|no)$/i.test(setopt.value))
    return {
      at: setopt,
      messageId: 'rpmSslVerify',
      data: { tool: command.name, setopt: setopt.value },
      alias: 'checkov:CKV2_DOCKER_15',
    };
  return undefined;
}

function commandInsecure(raw: ShellCommand, stage: Stage): Insecure[] {
  const found = variablesSetBy(raw);
  const { name, command } = unwrapBusybox(raw);
  if (name === 'wget') {
    const flag = flagWord(command, '--no-check-certificate');
    if (flag && !onlyLocalOrPlainUrls(command))
      found.push({
        at: flag,
        messageId: stage.isAlpine ? 'wgetNoCheck' : 'wgetNoCheckNotAlpine',
        alias: 'checkov:CKV2_DOCKER_3',
      });
  } else if (name === 'curl') {
    const flag = curlInsecureFlag(command);
    if (flag && !onlyLocalOrPlainUrls(command))
      found.push({
        at: flag,
        messageId: stage.isAlpine ? 'curlInsecure' : 'curlInsecureNotAlpine',
        data: { flag: flag.value },
        alias: 'checkov:CKV2_DOCKER_2',
      });
  } else if (
    isPipCommandName(name) ||
    (/^python(\d(\.\d+)?)?$/.test(name) &&
      command.args[0]?.value === '-m' &&
      /^pip\d?$/.test(command.args[1]?.value ?? ''))
  ) {
    const flag = flagWord(command, '--trusted-host');
    if (flag)
      found.push({
        at: flag,
        messageId: 'pipTrustedHost',
        data: {
          host: flagValue(command, '--trusted-host')?.value ?? 'that host',
        },
        alias: 'checkov:CKV2_DOCKER_4',
      });
    const words = positionalArgs(command).map(word => word.value);
    const trusted = words.findIndex(word =>
      /^(global|install|download)\.trusted-host$/.test(word),
    );
    if (words[0] === 'config' && trusted !== -1 && words[trusted + 1])
      found.push({
        at: positionalArgs(command)[trusted],
        messageId: 'pipConfigTrustedHost',
        data: { key: words[trusted], host: words[trusted + 1] },
        alias: 'checkov:CKV2_DOCKER_4',
      });
  } else if (name === 'git') {
    found.push(...gitInsecure(command));
  } else if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
    found.push(...packageManagerInsecure(name, command));
  } else if (name === 'apk') {
    const flag = flagWord(command, '--no-check-certificate');
    if (flag)
      found.push({
        at: flag,
        messageId: 'apkNoCheck',
        severity: 'info',
      });
  } else if (/^(yum|dnf|microdnf|yum-config-manager)$/.test(name)) {
    const problem = rpmInsecure(command);
    if (problem) found.push(problem);
  }
  return found;
}

export const check: RuleCheck = context => {
  const report = (problem: Insecure) =>
    context.report({
      at: problem.at,
      messageId: problem.messageId,
      data: problem.data,

      severity: problem.severity,
      aliases: problem.alias ? [problem.alias] : [],
    });
  return {
    ENV(env) {
      for (const pair of env.pairs) {
        if (pair.value === undefined) continue;
        const problem = insecureVariable(pair.name, pair.value, pair);
        if (problem) report(problem);
      }
    },
    ARG(arg) {
      // An ARG is in the environment of the RUNs after it; one without default is not set.
      for (const pair of arg.pairs) {
        if (pair.value === undefined) continue;
        const problem = insecureVariable(pair.name, pair.value, pair);
        if (problem) report(problem);
      }
    },
    RUN(run, stage) {
      for (const command of run.script.commands)
        for (const problem of commandInsecure(command, stage)) report(problem);
    },
  };
};

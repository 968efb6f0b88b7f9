import type { ShellCommand } from '../../../shell';
import type { RuleCheck } from '../../framework/types';
import { installsPackage, mentions } from '../../vocabulary';

/** Package managers of glibc distributions that Alpine has no package for. */
const ABSENT = new Set([
  'apt',
  'apt-get',
  'aptitude',
  'apt-cache',
  'apt-key',
  'add-apt-repository',
  'dpkg-reconfigure',
  'yum',
  'dnf',
  'microdnf',
  'zypper',
]);

/** dpkg and rpm exist as Alpine packages, for inspecting archives; installing with them still brings glibc builds. */
function installsWith(command: ShellCommand): boolean {
  return command.args.some(arg =>
    command.name === 'dpkg'
      ? /^(-i|--install|--unpack|-x|--extract)$/.test(arg.value)
      : /^-[a-zA-Z]*[iU][a-zA-Z]*$|^--(install|upgrade)$/.test(arg.value),
  );
}

/** `\`apt-get install\``: the command and its subcommand, so that two on one line read apart. */
function commandLabel(command: ShellCommand): string {
  const subcommand = command.args.find(arg => !arg.value.startsWith('-'));
  return `\`${command.name}${subcommand ? ` ${subcommand.value}` : ''}\``;
}

/** Tools that unpack a .deb or .rpm into the file system: the files inside are glibc builds. */
const UNPACKERS = new Set(['rpm2cpio', 'rpm2archive', 'alien', 'dpkg-deb']);

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    if (!mentions(context.text, run, /apt|dpkg|yum|dnf|zypper|rpm|alien/))
      return;
    for (const command of run.script.commands) {
      if (UNPACKERS.has(command.name)) {
        context.report({
          at: command,
          messageId: 'unpacker',
          data: { command: command.name },
        });
      } else if (ABSENT.has(command.name)) {
        context.report({
          at: command,
          messageId: 'absent',
          data: { label: commandLabel(command), command: command.name },
        });
      } else if (command.name === 'dpkg' || command.name === 'rpm') {
        const installing = installsWith(command);
        if (
          !installing &&
          installsPackage(stage, name => name === command.name)
        )
          continue;
        context.report({
          at: command,
          messageId: notInstalledMessage(command.name, installing),

          data: { command: command.name },
        });
      }
    }
  },
});

function notInstalledMessage(name: string, installing: boolean): string {
  if (installing) return 'installsGlibcPackage';
  return name === 'dpkg' ? 'dpkgMissing' : 'notInstalled';
}

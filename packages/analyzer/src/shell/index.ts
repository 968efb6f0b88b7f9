export { parseShell } from './parseShell';
export { unquote, commandBaseName } from './words';
export type {
  ShellAssignment,
  ShellCommand,
  ShellParserKind,
  ShellRedirect,
  ShellScript,
  ShellWord,
} from './types';

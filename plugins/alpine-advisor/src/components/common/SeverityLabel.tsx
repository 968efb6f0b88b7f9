import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import type { Severity } from '../../api/types';

const SEVERITY_WORDS: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

/** A severity as an icon and a word: readable without colour. */
export function SeverityLabel({ severity }: { severity: Severity }) {
  const word = SEVERITY_WORDS[severity];
  if (severity === 'error') return <StatusError>{word}</StatusError>;
  if (severity === 'warning') return <StatusWarning>{word}</StatusWarning>;
  return <StatusOK>{word}</StatusOK>;
}

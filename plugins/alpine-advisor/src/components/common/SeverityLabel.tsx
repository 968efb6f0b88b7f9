import { StatusError, StatusWarning } from '@backstage/core-components';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
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
  // Advice is neither a pass nor a problem: a neutral icon, not a green tick.
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <InfoOutlinedIcon fontSize="inherit" color="action" aria-hidden="true" />
      {word}
    </span>
  );
}

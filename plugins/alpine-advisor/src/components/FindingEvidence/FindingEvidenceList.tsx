import {
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { FindingEvidence } from '../../api/types';
import { InlineCodeText } from '../common/InlineCodeText';
import { evidenceText } from './evidenceText';

/**
 * The facts behind a finding, beside it: what a lockfile or the built image
 * confirmed (a warning sign: the risk is real), refuted (a tick: it cannot
 * happen) or did not show. Icons carry a word, so colour is not needed.
 */
export function FindingEvidenceList({
  evidence,
}: {
  evidence: FindingEvidence[] | undefined;
}) {
  if (!evidence || evidence.length === 0) return null;
  return (
    <Box
      component="ul"
      aria-label="Evidence"
      pl={0}
      my={1}
      style={{ listStyle: 'none' }}
    >
      {evidence.map(fact => (
        <li key={`${fact.source}-${fact.verdict}-${fact.detail}`}>
          <Typography variant="body2" component="span">
            <VerdictIcon verdict={fact.verdict}>
              <InlineCodeText text={evidenceText(fact)} />
            </VerdictIcon>
          </Typography>
        </li>
      ))}
    </Box>
  );
}

function VerdictIcon({
  verdict,
  children,
}: {
  verdict: FindingEvidence['verdict'];
  children: React.ReactNode;
}) {
  if (verdict === 'confirmed') return <StatusWarning>{children}</StatusWarning>;
  if (verdict === 'refuted') return <StatusOK>{children}</StatusOK>;
  return <StatusPending>{children}</StatusPending>;
}

import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ScoreExplanation } from '../../api/types';
import { InlineCodeText } from '../common/InlineCodeText';
import { SeverityLabel } from '../common/SeverityLabel';

export interface ScoreExplanationViewProps {
  explanation: ScoreExplanation;
  ruleTitle: (ruleId: string) => string;
  /** False where each Dockerfile shows its own deductions. */
  showDeductions?: boolean;
}

/** How the score was reached: the formula, each deduction, and any cap. */
export function ScoreExplanationView({
  explanation,
  ruleTitle,
  showDeductions = true,
}: ScoreExplanationViewProps) {
  return (
    <>
      <Typography variant="body2" paragraph>
        <InlineCodeText text={explanation.summary} />
      </Typography>
      {explanation.cap && (
        <Typography variant="body2" color="error" paragraph>
          Cap: <InlineCodeText text={explanation.cap} />
        </Typography>
      )}
      {showDeductions && explanation.deductions.length > 0 && (
        <Table size="small" aria-label="Score deductions">
          <TableHead>
            <TableRow>
              <TableCell>Rule</TableCell>
              <TableCell>Severity</TableCell>
              <TableCell align="right">Findings</TableCell>
              <TableCell align="right">Points</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {explanation.deductions.map(deduction => (
              <TableRow key={deduction.ruleId}>
                <TableCell>{ruleTitle(deduction.ruleId)}</TableCell>
                <TableCell>
                  <SeverityLabel severity={deduction.severity} />
                </TableCell>
                <TableCell align="right">{deduction.count}</TableCell>
                <TableCell align="right">−{deduction.points}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

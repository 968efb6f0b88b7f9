import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { FormEvent, useState } from 'react';
import { alpineAdvisorApiRef } from '../../api';
import type { EntityReport, Waiver } from '../../api/types';
import { useWaivers } from '../../hooks/useWaivers';
import { BodyCell, HeadCell } from '../common/TableCells';

const DAY = 24 * 60 * 60 * 1000;

const STATUS_TITLES: Record<Waiver['status'], string> = {
  active: 'Active',
  pending: 'Awaiting approval',
  revoked: 'Revoked',
  expired: 'Expired',
};

function errorText(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The findings a waiver can name: not enforced (enforced rules cannot be waived). */
function waivable(report: EntityReport) {
  return report.dockerfiles.flatMap(file =>
    file.findings
      .filter(finding => !finding.enforced)
      .map(finding => ({ file: file.path, finding })),
  );
}

export interface WaiversPanelProps {
  entityRef: string;
  report: EntityReport;
  /** After a waiver changed: the entity was scored again. */
  onChanged: () => void;
}

/**
 * The entity's waivers: who accepted which findings until when and why;
 * owners record new ones, approvers approve pending ones.
 */
export function WaiversPanel({
  entityRef,
  report,
  onChanged,
}: WaiversPanelProps) {
  const api = useApi(alpineAdvisorApiRef);
  const { list, error, reload, canCreate, canApprove } = useWaivers(entityRef);
  const [message, setMessage] = useState<string>();
  const candidates = waivable(report);
  const ruleIds = [...new Set(candidates.map(c => c.finding.ruleId))].sort();
  const [ruleId, setRuleId] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [reason, setReason] = useState('');
  const maxDays = list?.summary.maxDays ?? 90;
  const [days, setDays] = useState(Math.min(30, maxDays));

  const act = async (what: () => Promise<unknown>, done: string) => {
    setMessage(undefined);
    try {
      await what();
      setMessage(done);
      reload();
      onChanged();
    } catch (caught) {
      setMessage(`Failed: ${errorText(caught)}`);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    act(
      () =>
        api.createWaiver(entityRef, {
          ruleId,
          reason,
          expiresAt: new Date(Date.now() + days * DAY).toISOString(),
          ...(fingerprint ? { fingerprint } : {}),
        }),
      list?.summary.requireApproval
        ? 'Waiver recorded; it applies once approved.'
        : 'Waiver recorded; the score no longer counts these findings.',
    ).then(() => {
      setReason('');
      setFingerprint('');
    });
  };

  const summary = list?.summary;
  return (
    <InfoCard title="Waivers">
      {error && (
        <Typography color="error">
          Waivers could not be loaded: {errorText(error)}
        </Typography>
      )}
      {summary && (
        <Typography variant="body2" paragraph>
          {summary.activeCount} active · {summary.pendingCount} awaiting
          approval · {summary.expiringSoonCount} expiring within{' '}
          {summary.expiringSoonDays} days
        </Typography>
      )}
      {list && list.items.length > 0 && (
        <Table size="small" aria-label="Waivers">
          <TableHead>
            <TableRow>
              <HeadCell>Rule</HeadCell>
              <HeadCell>Covers</HeadCell>
              <HeadCell>Reason</HeadCell>
              <HeadCell>Expires</HeadCell>
              <HeadCell>Status</HeadCell>
              <HeadCell>Recorded by</HeadCell>
              <HeadCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {list.items.map(waiver => (
              <TableRow key={waiver.id}>
                <BodyCell>
                  <code>{waiver.ruleId}</code>
                </BodyCell>
                <BodyCell>
                  {waiver.fingerprint ? 'one finding' : 'every finding'}
                </BodyCell>
                <BodyCell>{waiver.reason}</BodyCell>
                <BodyCell nowrap>{waiver.expiresAt.slice(0, 10)}</BodyCell>
                <BodyCell>{STATUS_TITLES[waiver.status]}</BodyCell>
                <BodyCell>{waiver.createdBy}</BodyCell>
                <BodyCell nowrap>
                  {waiver.status === 'pending' && canApprove && (
                    <Button
                      size="small"
                      onClick={() =>
                        act(
                          () => api.approveWaiver(waiver.id),
                          'Waiver approved.',
                        )
                      }
                    >
                      Approve
                    </Button>
                  )}
                  {(waiver.status === 'pending' ||
                    waiver.status === 'active') &&
                    (canCreate || canApprove) && (
                      <Button
                        size="small"
                        onClick={() =>
                          act(
                            () => api.revokeWaiver(waiver.id),
                            'Waiver revoked.',
                          )
                        }
                      >
                        Revoke
                      </Button>
                    )}
                </BodyCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {list && list.items.length === 0 && (
        <Typography variant="body2">No waivers.</Typography>
      )}
      {canCreate && ruleIds.length > 0 && (
        <Box
          component="form"
          onSubmit={submit}
          aria-label="Record a waiver"
          display="flex"
          flexWrap="wrap"
          gridGap={16}
          alignItems="flex-end"
          mt={2}
        >
          <TextField
            select
            id="alpine-advisor-waiver-rule"
            label="Rule"
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            value={ruleId}
            onChange={event => {
              setRuleId(event.target.value);
              setFingerprint('');
            }}
            style={{ minWidth: 220 }}
            required
          >
            <option value="" disabled>
              Choose a rule
            </option>
            {ruleIds.map(id => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </TextField>
          <TextField
            select
            id="alpine-advisor-waiver-findings"
            label="Findings"
            value={fingerprint}
            onChange={event => setFingerprint(event.target.value)}
            style={{ minWidth: 220 }}
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
          >
            <option value="">Every finding of the rule</option>
            {candidates
              .filter(c => c.finding.ruleId === ruleId && c.finding.fingerprint)
              .map(c => (
                <option
                  key={`${c.file}:${c.finding.line}:${c.finding.fingerprint}`}
                  value={c.finding.fingerprint}
                >
                  {c.file} line {c.finding.line}
                </option>
              ))}
          </TextField>
          <TextField
            id="alpine-advisor-waiver-reason"
            label="Reason"
            value={reason}
            onChange={event => setReason(event.target.value)}
            inputProps={{ maxLength: 2000 }}
            style={{ minWidth: 280, flexGrow: 1 }}
            required
          />
          <TextField
            id="alpine-advisor-waiver-days"
            label="Days"
            type="number"
            value={days}
            onChange={event => setDays(Number(event.target.value))}
            inputProps={{ min: 1, max: maxDays }}
            helperText={`at most ${maxDays}`}
            required
          />
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={!ruleId || !reason.trim()}
          >
            Waive
          </Button>
        </Box>
      )}
      {message && (
        <Typography variant="body2" role="status">
          {message}
        </Typography>
      )}
    </InfoCard>
  );
}

import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { Libc, StageSummary } from '../../api/types';

const LIBC_WORDS: Record<Libc, string> = {
  musl: 'musl',
  glibc: 'glibc',
  none: 'no libc',
  unknown: 'unknown libc',
};

function stageName(stage: StageSummary): string {
  return stage.name ? `${stage.name} (#${stage.index})` : `#${stage.index}`;
}

function LibcChip({ libc }: { libc: Libc }) {
  return (
    <Chip
      size="small"
      label={LIBC_WORDS[libc]}
      color={libc === 'musl' ? 'primary' : 'default'}
      variant={libc === 'glibc' ? 'outlined' : 'default'}
    />
  );
}

/** One sentence a reader can act on, before the details. */
export function stageLibcSummary(stages: StageSummary[]): string {
  const finalStage = stages.find(stage => stage.isFinal) ?? stages.at(-1);
  const crossings = stages.flatMap(stage =>
    stage.copiesFrom.filter(copy => copy.crossesLibc),
  );
  const runtime = finalStage
    ? `The final stage ${stageName(finalStage)} runs on ${
        LIBC_WORDS[finalStage.libc]
      }.`
    : 'No build stage was found.';
  if (crossings.length === 0) {
    return `${runtime} No COPY --from crosses a libc boundary.`;
  }
  return `${runtime} ${crossings.length} ${
    crossings.length === 1 ? 'copy crosses' : 'copies cross'
  } a libc boundary: binaries built against one libc may not run on the other.`;
}

/**
 * The multi-stage picture: which stage is musl, which glibc, and which
 * COPY --from edges carry files across that boundary.
 */
export function StageLibcMap({ stages }: { stages: StageSummary[] }) {
  return (
    <>
      <Typography variant="body2" paragraph>
        {stageLibcSummary(stages)}
      </Typography>
      <Table size="small" aria-label="Build stages and their C library">
        <TableHead>
          <TableRow>
            <TableCell>Stage</TableCell>
            <TableCell>Base image</TableCell>
            <TableCell>libc</TableCell>
            <TableCell>Copies in</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {stages.map(stage => (
            <TableRow key={stage.index}>
              <TableCell>
                {stageName(stage)}
                {stage.isFinal ? ' · final' : ''}
                <Typography variant="caption" display="block">
                  line {stage.line}
                </Typography>
              </TableCell>
              <TableCell>
                <code>{stage.image}</code>
                <Typography variant="caption" display="block">
                  {stage.distro}
                  {stage.alpineRelease ? ` ${stage.alpineRelease}` : ''}
                  {stage.endOfLife ? ' · end of life' : ''}
                </Typography>
              </TableCell>
              <TableCell>
                <LibcChip libc={stage.libc} />
              </TableCell>
              <TableCell>
                {stage.copiesFrom.length === 0
                  ? '—'
                  : stage.copiesFrom.map(copy => (
                      <Typography
                        key={`${copy.line}-${copy.source}`}
                        variant="body2"
                        color={copy.crossesLibc ? 'error' : 'textPrimary'}
                      >
                        {copy.crossesLibc ? '⚠ crosses libc: ' : ''}
                        from {copy.source} ({LIBC_WORDS[copy.sourceLibc]} →{' '}
                        {LIBC_WORDS[stage.libc]}):{' '}
                        <code>{copy.paths.join(', ')}</code> (line {copy.line})
                      </Typography>
                    ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

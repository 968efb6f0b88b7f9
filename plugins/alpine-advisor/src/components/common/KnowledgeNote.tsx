import Typography from '@material-ui/core/Typography';
import type { DockerfileResult, KnowledgeStatus } from '../../api/types';

export interface KnowledgeNoteProps {
  dockerfiles: DockerfileResult[];
  knowledge?: KnowledgeStatus;
}

/**
 * Which knowledge version produced the findings, and how current the
 * backend's Alpine release data is ("release data as of …"), with the last
 * failed refresh when there is one.
 */
export function KnowledgeNote({ dockerfiles, knowledge }: KnowledgeNoteProps) {
  const versions = [
    ...new Set(
      dockerfiles.flatMap(file =>
        file.knowledgeVersion ? [file.knowledgeVersion] : [],
      ),
    ),
  ];
  if (versions.length === 0 && !knowledge) return null;
  const data = knowledge?.releaseData;
  return (
    <>
      {versions.length > 0 && (
        <Typography variant="caption" display="block">
          Findings from knowledge {versions.join(', ')}
          {knowledge && !versions.includes(knowledge.version)
            ? ` (current: ${knowledge.version})`
            : ''}
        </Typography>
      )}
      {data && (
        <Typography variant="caption" display="block">
          Alpine release data as of {data.asOf} (
          {data.origin === 'refreshed' ? 'refreshed' : 'bundled'}
          {data.sourceUrl && data.origin === 'refreshed'
            ? ` from ${data.sourceUrl}`
            : ''}
          ){data.lastError ? `; last refresh failed: ${data.lastError}` : ''}
        </Typography>
      )}
    </>
  );
}

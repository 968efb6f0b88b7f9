import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { alpineAdvisorApiRef } from '../../api';
import type { ReportFilter } from '../../api/types';

type Format = 'csv' | 'json';

/** Hands a downloaded body to the browser as a file. */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Exports every service matching the current filters, not just this page. */
export function ExportButtons({ filter }: { filter: ReportFilter }) {
  const api = useApi(alpineAdvisorApiRef);
  const [busy, setBusy] = useState<Format>();
  const [error, setError] = useState<string>();

  const download = async (format: Format) => {
    setBusy(format);
    setError(undefined);
    try {
      const response = await api.exportReport(format, filter);
      const day = new Date().toISOString().slice(0, 10);
      saveBlob(await response.blob(), `alpine-advisor-report-${day}.${format}`);
    } catch (e) {
      setError(`Export failed: ${(e as Error).message}`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Box display="flex" alignItems="center" gridGap={8}>
      {(['csv', 'json'] as const).map(format => (
        <Button
          key={format}
          size="small"
          variant="outlined"
          startIcon={<GetAppIcon />}
          disabled={busy !== undefined}
          onClick={() => download(format)}
        >
          Export {format.toUpperCase()}
        </Button>
      ))}
      <Typography variant="caption" role="status" color="error">
        {error ?? ''}
      </Typography>
    </Box>
  );
}

import { main } from './main';
import { processIO } from './cli/io';

// `alpine-advisor . | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// The bundle's entry point: the exit code is set, not forced, so piped output is flushed first.
main(process.argv.slice(2), processIO()).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(`alpine-advisor: ${String(error)}\n`);
    process.exitCode = 2;
  },
);

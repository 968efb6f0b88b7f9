import { main } from './main';
import { processIO } from './cli/io';

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

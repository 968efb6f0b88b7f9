/**
 * Command-line entry of Alpine Advisor: `main(argv, io)` runs the CLI
 * in-process and resolves to its exit code.
 *
 * @packageDocumentation
 */
export { main } from './main';
export { processIO } from './cli/io';
export type { CliIO, OutputStream } from './cli/io';

import type { LoggerService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { ReplicaMessage } from './messages';

const SWEEP_SUMMARY =
  /^Alpine Advisor sweep: (\d+) entities in (\d+) ms — (\d+) analysed, (\d+) unchanged, (\d+) failed/;

/**
 * Writes warnings and errors to stderr (prefixed with the replica) and hands
 * them, with the plugin's sweep summaries, to the test over IPC.
 */
export class IpcLogger implements LoggerService {
  constructor(
    private readonly replica: string,
    private readonly send: (message: ReplicaMessage) => void,
  ) {}

  error(message: string, meta?: Error | JsonObject) {
    const text = meta instanceof Error ? `${message} ${meta.message}` : message;
    process.stderr.write(`[${this.replica} error] ${text}\n`);
    this.send({ type: 'log', level: 'error', message: text });
  }

  warn(message: string) {
    this.send({ type: 'log', level: 'warn', message });
  }

  info(message: string) {
    const match = SWEEP_SUMMARY.exec(message);
    if (match) {
      const [, listed, durationMs, analysed, unchanged, failed] =
        match.map(Number);
      const endedAt = Date.now();
      this.send({
        type: 'sweep',
        sweep: {
          replica: this.replica,
          startedAt: endedAt - durationMs,
          endedAt,
          listed,
          analysed,
          unchanged,
          failed,
        },
      });
    }
  }

  debug() {}

  child(_meta: JsonObject): LoggerService {
    return this;
  }
}

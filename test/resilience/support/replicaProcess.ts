import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type {
  ReplicaMessage,
  ReplicaOptions,
  SweepEvent,
} from '../backend/messages';

const MAIN = join(__dirname, '../backend/main.ts');

export interface Replica {
  name: string;
  port: number;
  /** Sweeps this process finished, in order. */
  sweeps: SweepEvent[];
  /** Warnings and errors it logged. */
  logs: Array<{ level: string; message: string }>;
  /** GET or POST against the plugin's API on this replica. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Sets the sweep due now (the scheduler answers a conflict while one runs). */
  trigger(): Promise<{ ok: boolean; error?: string }>;
  /** SIGSTOP: the process freezes (as in a long GC pause or a stalled VM). */
  pause(): void;
  /** SIGCONT */
  resume(): void;
  /** kill -9: no shutdown hooks, open transactions die with the connection. */
  kill(): Promise<void>;
  /** Graceful stop. */
  stop(): Promise<void>;
}

/**
 * Starts one backend replica as a child process and waits until it serves.
 * NODE_ENV is not `test` so that the scheduler's janitor runs (it frees the
 * lease of a task whose process died once its timeout passed).
 */
export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      MAIN,
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        RESILIENCE_BACKEND: JSON.stringify(options),
      },
    },
  );
  let stderr = '';
  child.stderr!.on('data', chunk => {
    stderr = (stderr + chunk).slice(-20_000);
    if (process.env.RESILIENCE_VERBOSE) {
      process.stderr.write(chunk);
    }
  });
  const sweeps: SweepEvent[] = [];
  const logs: Array<{ level: string; message: string }> = [];
  const triggerReplies: Array<
    (reply: { ok: boolean; error?: string }) => void
  > = [];
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );

  await new Promise<void>((resolve, reject) => {
    child.on('message', (message: ReplicaMessage) => {
      if (message.type === 'ready') {
        resolve();
      } else if (message.type === 'sweep') {
        sweeps.push(message.sweep);
      } else if (message.type === 'log') {
        logs.push({ level: message.level, message: message.message });
      } else if (message.type === 'triggered') {
        triggerReplies.shift()?.(message);
      }
    });
    child.once('exit', code =>
      reject(
        new Error(
          `replica ${options.replica} exited (${code}) before it was ready:\n${stderr}`,
        ),
      ),
    );
  });

  const base = `http://127.0.0.1:${options.port}/api/alpine-advisor`;
  return {
    name: options.replica,
    port: options.port,
    sweeps,
    logs,
    api: (path, init) => fetch(`${base}${path}`, init),
    trigger: () =>
      new Promise(resolve => {
        triggerReplies.push(resolve);
        child.send({ type: 'trigger' });
      }),
    pause: () => {
      child.kill('SIGSTOP');
    },
    resume: () => {
      child.kill('SIGCONT');
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.send({ type: 'stop' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

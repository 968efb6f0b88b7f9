import type { JsonObject } from '@backstage/types';

/** What the test gives a replica (JSON in RESILIENCE_BACKEND). */
export interface ReplicaOptions {
  replica: string;
  port: number;
  database: JsonObject;
  scmHost: string;
  scmBaseUrl: string;
  services: number;
  schedule: JsonObject;
  concurrency: number;
  entityTimeoutSeconds: number;
  /**
   * Push events on: the events backend with the GitHub module (webhooks
   * signed with this secret) and `alpineAdvisor.events` with these settings.
   */
  events?: {
    webhookSecret: string;
    concurrency: number;
    minimumIntervalSeconds: number;
    pollIntervalSeconds: number;
  };
}

/** What the plugin logged at the end of a sweep, with when it ran. */
export interface SweepEvent {
  replica: string;
  startedAt: number;
  endedAt: number;
  listed: number;
  analysed: number;
  unchanged: number;
  failed: number;
}

export type ReplicaMessage =
  | { type: 'ready' }
  | { type: 'sweep'; sweep: SweepEvent }
  | { type: 'log'; level: 'warn' | 'error'; message: string }
  | { type: 'triggered'; ok: boolean; error?: string };

export type ParentMessage = { type: 'trigger' } | { type: 'stop' };

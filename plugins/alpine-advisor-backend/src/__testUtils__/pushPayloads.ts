import { createHmac } from 'node:crypto';

/** A head commit. */
export const SHA = 'a'.repeat(40);

/** A GitHub `push` webhook payload (the fields the plugin reads, and a few more). */
export function githubPush(options: {
  repository?: string;
  ref?: string;
  after?: string;
  commits?: Array<{
    added?: string[];
    modified?: string[];
    removed?: string[];
  }>;
  defaultBranch?: string;
}) {
  const repository = options.repository ?? 'https://github.com/acme/shop';
  return {
    ref: options.ref ?? 'refs/heads/main',
    before: 'b'.repeat(40),
    after: options.after ?? SHA,
    created: false,
    deleted: false,
    forced: false,
    commits: (options.commits ?? [{ modified: ['Dockerfile'] }]).map(
      (commit, index) => ({
        id: `${index}`.repeat(40).slice(0, 40),
        added: [],
        modified: [],
        removed: [],
        ...commit,
      }),
    ),
    repository: {
      full_name: repository.split('/').slice(-2).join('/'),
      html_url: repository,
      url: repository,
      clone_url: `${repository}.git`,
      default_branch: options.defaultBranch ?? 'main',
    },
  };
}

/** `X-Hub-Signature-256` of a body, as GitHub signs webhooks. */
export function signGithub(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

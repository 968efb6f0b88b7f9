import { analyzeDockerfile } from '../../../analyze';

const DOCKERFILE = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\n';

function notesFor(
  files: Array<{ path: string; content?: string | Uint8Array; skipped?: any }>,
) {
  const report = analyzeDockerfile({
    path: 'Dockerfile',
    content: DOCKERFILE,
    context: { files },
  });
  return report.findings.filter(f => f.ruleId === 'context-file-unreadable');
}

describe('rule context-file-unreadable', () => {
  it('notes malformed, binary, huge and skipped files, and still analyses', () => {
    const notes = notesFor([
      {
        path: 'package-lock.json',
        content: '{"lockfileVersion": 3, "packages": {',
      },
      { path: 'go.mod', content: new Uint8Array([0x6d, 0x00, 0xff, 0xfe]) },
      { path: 'uv.lock', content: 'x'.repeat(9 * 1024 * 1024) },
      {
        path: 'Gemfile.lock',
        skipped: { reason: 'too-large', bytes: 50 * 1024 * 1024 },
      },
      {
        path: 'yarn.lock',
        content: '<<<<<<< HEAD\na@^1:\n  version "1"\n=======\n>>>>>>> x\n',
      },
    ]);
    expect(notes.map(note => note.message)).toEqual([
      expect.stringMatching(/^`Gemfile.lock` .*too large to read \(50\.0 MB\)/),
      expect.stringMatching(/^`go.mod` .*not valid UTF-8|NUL/),
      expect.stringMatching(/^`package-lock.json` .*malformed/),
      expect.stringMatching(/^`uv.lock` .*too large/),
    ]);
    expect(notes.every(note => note.severity === 'info')).toBe(true);
  });

  it('says nothing for a context whose files all parse, or without a context', () => {
    expect(
      notesFor([
        {
          path: 'package-lock.json',
          content: '{"lockfileVersion":3,"packages":{}}',
        },
      ]),
    ).toEqual([]);
    const report = analyzeDockerfile({
      path: 'Dockerfile',
      content: DOCKERFILE,
    });
    expect(report.findings.map(f => f.ruleId)).not.toContain(
      'context-file-unreadable',
    );
  });
});

import { analyzeDockerfile } from '../../../analyze';

const remediationOf = (content: string) =>
  analyzeDockerfile({ path: 'Dockerfile', content }).findings.find(
    finding => finding.ruleId === 'copy-all-before-install',
  )?.remediation;

describe('copy-all-before-install remediation', () => {
  it("names the install's own manifests and command", () => {
    expect(
      remediationOf(
        'FROM golang:1.22-alpine\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build ./...\n',
      ),
    ).toBe(
      'Copy go.mod, go.sum first, install, then copy the rest: `COPY go.mod go.sum ./` → `RUN go mod download` → `COPY . .`.',
    );
  });

  it('quotes a command continued over lines on one line', () => {
    expect(
      remediationOf(
        'FROM node:22-alpine\nCOPY . .\nRUN npm ci \\\n    --omit=dev && npm run build\n',
      ),
    ).toContain(
      '`COPY package.json package-lock.json ./` → `RUN npm ci --omit=dev` →',
    );
  });

  it('quotes an exec-form install as the shell would run it', () => {
    expect(
      remediationOf('FROM node:22-alpine\nCOPY . .\nRUN ["npm", "ci"]\n'),
    ).toContain('→ `RUN npm ci` →');
  });
});

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

  it('cargo build needs the sources: the dependencies are cooked with cargo-chef first', () => {
    expect(
      remediationOf(
        'FROM rust:1.89-alpine3.22 AS compiler\nWORKDIR /app\nCOPY . .\nRUN cargo build --release -p server\n',
      ),
    ).toBe(
      'Build the dependencies alone first, with cargo-chef (cargo needs the sources to build): `cargo chef prepare --recipe-path recipe.json` in a planner stage, then `COPY --from=planner /app/recipe.json .` → `RUN cargo chef cook --release --recipe-path recipe.json` → `COPY . .` → `RUN cargo build --release -p server`.',
    );
  });

  it('mvn package: the dependencies go offline from pom.xml first', () => {
    expect(
      remediationOf(
        'FROM maven:3.9-eclipse-temurin-21-alpine\nCOPY . .\nRUN mvn -B package\n',
      ),
    ).toBe(
      'Install the dependencies alone first, then the project with its sources: `COPY pom.xml ./` → `RUN mvn dependency:go-offline` → `COPY . .` → `RUN mvn -B package`.',
    );
  });

  it('poetry and uv install the project too: without it first', () => {
    expect(
      remediationOf(
        'FROM python:3.13-alpine\nCOPY . .\nRUN poetry install --only main\n',
      ),
    ).toBe(
      'Install the dependencies alone first, then the project with its sources: `COPY pyproject.toml poetry.lock ./` → `RUN poetry install --only main --no-root` → `COPY . .` → `RUN poetry install --only main`.',
    );
    expect(
      remediationOf(
        'FROM python:3.13-alpine\nCOPY . .\nRUN uv sync --frozen\n',
      ),
    ).toContain(
      '`RUN uv sync --frozen --no-install-project` → `COPY . .` → `RUN uv sync --frozen`.',
    );
  });

  it('pip install . installs the project: its dependencies first, then the project without them', () => {
    expect(
      remediationOf('FROM python:3.13-alpine\nCOPY . .\nRUN pip install .\n'),
    ).toContain('→ `COPY . .` → `RUN pip install . --no-deps`.');
  });
});

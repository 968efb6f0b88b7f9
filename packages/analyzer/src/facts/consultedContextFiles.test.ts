import { consultedContextFiles } from './consultedContextFiles';

const CONTEXT_FILES = [
  '.dockerignore',
  'Dockerfile.dockerignore',
  'package.json',
  'package-lock.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'prisma/schema.prisma',
  'requirements.txt',
  'requirements/prod.txt',
  'uv.lock',
  'poetry.lock',
  'Pipfile.lock',
  'pyproject.toml',
  'go.mod',
  'Gemfile.lock',
];

const consulted = (dockerfile: string) =>
  CONTEXT_FILES.filter(consultedContextFiles(dockerfile));

describe('consultedContextFiles', () => {
  it('names the files of the tools a Dockerfile runs, and .dockerignore when it copies from the context', () => {
    expect(consulted('FROM node:22-alpine\nCOPY . .\nRUN npm ci\n')).toEqual([
      '.dockerignore',
      'Dockerfile.dockerignore',
      'package.json',
      'package-lock.json',
      'yarn.lock',
      'pnpm-lock.yaml',
      'prisma/schema.prisma',
    ]);
    expect(
      consulted(
        'FROM python:3.12-alpine\nRUN pip install -r requirements.txt\n',
      ),
    ).toEqual([
      'requirements.txt',
      'requirements/prod.txt',
      'uv.lock',
      'poetry.lock',
      'Pipfile.lock',
      'pyproject.toml',
    ]);
    expect(consulted('FROM golang:1.23-alpine\nRUN go build ./...\n')).toEqual([
      'go.mod',
    ]);
    expect(consulted('FROM ruby:3.3-alpine\nRUN bundle install\n')).toEqual([
      'Gemfile.lock',
    ]);
  });

  it('reads the whole text: a tool named in an ARG counts, and instructions in any case', () => {
    expect(
      consulted('ARG INSTALL="yarn install"\nFROM alpine:3.22\nRUN $INSTALL\n'),
    ).toContain('yarn.lock');
    expect(consulted('from alpine:3.22\ncopy app /app\n')).toEqual([
      '.dockerignore',
      'Dockerfile.dockerignore',
    ]);
  });

  it('names nothing for a Dockerfile that runs no such tool and copies nothing', () => {
    expect(
      consulted('FROM alpine:3.22\nRUN apk add --no-cache curl\n'),
    ).toEqual([]);
  });
});

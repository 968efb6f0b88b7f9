import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    'FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nRUN pip install .\n',
    'FROM golang:1.22-alpine\nCOPY . .\nRUN go build ./...\n',
    {
      name: 'cargo-chef: the dependencies are cooked from the recipe before the sources come',
      code: 'FROM rust:1.91-alpine3.24 AS chef\nRUN cargo install cargo-chef\nWORKDIR /src\nFROM chef AS planner\nCOPY . .\nRUN cargo chef prepare --recipe-path recipe.json\nFROM chef AS builder\nCOPY --from=planner /src/recipe.json recipe.json\nRUN cargo chef cook --release --recipe-path recipe.json\nCOPY . .\nRUN cargo build --release\n',
    },
    'FROM alpine:3.22 AS build\nFROM alpine:3.22\nCOPY --from=build . .\nRUN npm ci\n',
  ],
  invalid: [
    {
      name: 'the install is named by its subcommand, not a leading option',
      code: 'FROM composer:2\nCOPY . /app\nRUN composer --no-ansi install --no-dev\n',
      errors: [{ line: 2, messageContains: 'before `composer install`' }],
    },
    {
      name: 'cargo build of the whole context with no cook or fetch first',
      code: 'FROM rust:1.91-alpine3.24\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\n',
      errors: [{ line: 3, messageContains: 'Cargo.toml, Cargo.lock' }],
    },
    {
      code: 'FROM python:3.12-alpine\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ line: 3, messageContains: 'copy requirements.txt first' }],
    },
    {
      code: 'FROM node:20\nCOPY . /app\nRUN cd /app && npm ci\n',
      errors: [{ line: 2, messageContains: 'package.json' }],
    },
    {
      name: 'in ONBUILD triggers',
      code: 'FROM python:3.12-alpine\nWORKDIR /app\nONBUILD COPY . .\nONBUILD RUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ line: 3, messageContains: 'requirements.txt' }],
    },
    {
      code: 'FROM golang:1.22-alpine\nADD ./ /src\nRUN go mod download && go build ./...\n',
      errors: [{ line: 2, messageContains: 'go.mod' }],
    },
  ],
});

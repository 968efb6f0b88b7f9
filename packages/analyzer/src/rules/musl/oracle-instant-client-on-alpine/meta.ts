import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'oracle-instant-client-on-alpine',
  title: 'Oracle Instant Client on Alpine',
  category: 'musl',
  severity: 'error',
  remediation:
    'Use the Thin mode of python-oracledb or node-oracledb (no client libraries at all), or run the stage on a glibc base such as `oraclelinux:9-slim` or `debian:*-slim`.',
  references: [
    'https://github.com/oracle/python-cx_Oracle/issues/249',
    'https://github.com/oracle/node-oracledb/issues/476',
    'https://python-oracledb.readthedocs.io/en/v3.0.0/user_guide/initialization.html',
  ],
  aliases: [],
  fixable: false,
  messages: {
    glibcOnly:
      '{{what}}: Oracle Instant Client is glibc-only and fails on Alpine with relocation errors; use python-oracledb/node-oracledb Thin mode or a glibc base',
  },
  scope: 'alpine',
};

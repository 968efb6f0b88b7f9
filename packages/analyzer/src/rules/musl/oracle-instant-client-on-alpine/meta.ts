import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'oracle-instant-client-on-alpine',
  title: 'Oracle Instant Client on Alpine',
  category: 'musl',
  severity: 'error',
  rationale:
    'Oracle Instant Client (`libclntsh`) is built for glibc only. On Alpine it fails with relocation errors (`getcontext`, `canonicalize_file_name`, `__cmsg_nxthdr` symbol not found) even with gcompat and the `libnsl.so.1` symlink trick; Oracle recommends Oracle Linux or Debian. cx_Oracle and the Thick mode of python-oracledb and node-oracledb need it.',
  remediation:
    'Use the Thin mode of python-oracledb or node-oracledb (no client libraries at all), or run the stage on a glibc base such as `oraclelinux:9-slim` or `debian:*-slim`.',
  references: [
    'https://github.com/oracle/python-cx_Oracle/issues/249',
    'https://github.com/oracle/node-oracledb/issues/476',
    'https://python-oracledb.readthedocs.io/en/v3.0.0/user_guide/initialization.html',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};

import { testRule } from '../../../__testUtils__/RuleTester';
import { rule } from '.';

testRule(rule, {
  valid: [
    'FROM python:3.12-alpine\nRUN apk add --no-cache build-base && pip install oracledb\n',
    'FROM oraclelinux:9-slim\nRUN dnf install -y oracle-instantclient-release-el9 && pip install cx_Oracle\n',
    'FROM node:22-alpine\nRUN npm install oracledb\n',
  ],
  invalid: [
    {
      name: 'download, LD_LIBRARY_PATH and cx_Oracle',
      code: 'FROM python:3.12-alpine\nRUN wget -q https://download.oracle.com/otn_software/linux/instantclient/instantclient-basiclite-linuxx64.zip\nENV LD_LIBRARY_PATH=/opt/oracle/instantclient_23_8\nRUN pip install cx_Oracle==8.3.0\n',
      errors: [
        { line: 2, messageContains: 'instantclient-basiclite' },
        { line: 3, messageContains: 'LD_LIBRARY_PATH' },
        { line: 4, messageContains: 'cx_Oracle' },
      ],
    },
    {
      name: 'client libraries copied from a glibc stage, and from the context',
      code: 'FROM oraclelinux:9-slim AS oracle\nRUN true\nFROM alpine:3.22\nCOPY --from=oracle /usr/lib/oracle/21/client64/lib/libclntsh.so.21.1 /usr/lib/\nCOPY instantclient_21_1/ /opt/oracle/\n',
      errors: [{ line: 4, messageContains: 'stage `oracle`' }, { line: 5 }],
    },
  ],
});

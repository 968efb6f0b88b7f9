import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'jdk-glibc-into-alpine',
  title: 'glibc JDK or JRE in an Alpine stage',
  category: 'musl',
  severity: 'error',
  remediation:
    "Use an Alpine JRE (`eclipse-temurin:<v>-jre-alpine`, `apk add openjdk<v>-jre`, the vendor's `alpine-linux`/`linux-musl` archive), and run jlink inside an Alpine JDK stage. For Java before 16 use Alpine's `openjdk8`/`openjdk11` packages or a glibc base.",
  references: [
    'https://openjdk.org/jeps/386',
    'https://github.com/jenkinsci/adoptopenjdk-plugin/pull/100',
  ],
  aliases: [],
  fixable: false,
  messages: {
    glibcDownload:
      '`{{file}}` is a generic Linux (glibc) Java build: `java` does not start on Alpine; download the alpine-linux/musl build or use an Alpine JRE image',
    glibcCopy:
      'Java runtime `{{path}}` copied from glibc {{source}}: it needs glibc and fails on Alpine; use an `-alpine` JRE image, or run jlink in an Alpine JDK stage',
    glibcCopyNoMuslPort:
      "Java runtime `{{path}}` copied from glibc {{source}}: it needs glibc and fails on Alpine; Java {{major}} has no upstream musl build (the port arrived in JDK {{firstMuslPort}}): use Alpine's openjdk{{major}} package or a glibc base",
  },
  scope: 'alpine',
};

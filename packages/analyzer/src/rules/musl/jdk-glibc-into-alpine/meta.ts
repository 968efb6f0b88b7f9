import type { RuleMeta } from '../../../types';

export const meta: RuleMeta = {
  id: 'jdk-glibc-into-alpine',
  title: 'glibc JDK or JRE in an Alpine stage',
  category: 'musl',
  severity: 'error',
  rationale:
    'Generic Linux JDK builds (the default `eclipse-temurin`, `openjdk`, `amazoncorretto` images, `*_x64_linux_*` archives, jlink runtimes made from them) link glibc. Copied or unpacked into Alpine, `java` fails with "not found" or symbol errors. The musl port (Portola, JEP 386) arrived in JDK 16 as a separate `alpine-linux` build; older Java has no upstream musl build at all.',
  remediation:
    "Use an Alpine JRE (`eclipse-temurin:<v>-jre-alpine`, `apk add openjdk<v>-jre`, the vendor's `alpine-linux`/`linux-musl` archive), and run jlink inside an Alpine JDK stage. For Java before 16 use Alpine's `openjdk8`/`openjdk11` packages or a glibc base.",
  references: [
    'https://openjdk.org/jeps/386',
    'https://github.com/jenkinsci/adoptopenjdk-plugin/pull/100',
  ],
  aliases: [],
  fixable: false,
  scope: 'alpine',
};

/*
 * Java runtimes and the C library they are built for. Generic Linux JDK
 * builds link glibc; the musl port (Portola, JEP 386) arrived in JDK 16 as
 * a separate `alpine-linux` / `linux-musl` build.
 */

/** Images whose default variant ships a glibc JDK or JRE. */
const JDK_IMAGES =
  /(^|\/)(eclipse-temurin|openjdk|amazoncorretto|ibm-semeru-runtimes|sapmachine|zulu-openjdk|liberica-openjdk[\w-]*|liberica-runtime-container|maven|gradle|graalvm-ce|jdk|jre|java)$/;

/** Where JDKs live in images and where people copy them to. */
const JDK_PATHS =
  /^\/(opt\/java|usr\/lib\/jvm|opt\/(open)?jdk|opt\/jre|usr\/java|usr\/local\/openjdk[\w.-]*|opt\/(jdk|jre|java)[\w.-]*)(\/|$)|(^|\/)(jre|jdk|java-runtime|jlink[\w-]*|custom-?jre|javaruntime)$/i;

/** The release that first had a musl build upstream (JEP 386). */
export const FIRST_JDK_WITH_MUSL_PORT = 16;

export function isJdkImage(imagePath: string): boolean {
  return JDK_IMAGES.test(imagePath);
}

export function isJdkPath(path: string): boolean {
  return JDK_PATHS.test(path) || /\$\{?JAVA_HOME\}?/.test(path);
}

/** `17-jre`, `8u412-b08-jdk`, `11.0.23_9-jre-jammy` → 17, 8, 11. */
export function javaMajorOfTag(tag: string | undefined): number | undefined {
  const match = /^(\d+)/.exec(tag ?? '');
  if (!match) return undefined;
  const major = Number(match[1]);
  return major >= 6 && major < 100 ? major : undefined;
}

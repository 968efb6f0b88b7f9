import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Compiles C with the host's gcc (glibc) or musl-gcc (Debian's musl-tools,
 * scripts/test-services.sh ensure_musl_tools), so the tests read real
 * loaders, DT_NEEDED and RUNPATH entries as the toolchains write them.
 */
export function compileC(
  compiler: 'gcc' | 'musl-gcc',
  source: string,
  flags: string[] = [],
): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-inspector-cc-'));
  try {
    const input = path.join(dir, 'input.c');
    const output = path.join(dir, 'output');
    fs.writeFileSync(input, source);
    execFileSync(compiler, ['-O0', '-o', output, input, ...flags, `-L${dir}`], {
      cwd: dir,
      stdio: 'pipe',
    });
    return fs.readFileSync(output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A library to link against: compiled into `dir` as lib<name>.so, for `-l<name>`. */
export function compileLibraryInto(
  dir: string,
  compiler: 'gcc' | 'musl-gcc',
  name: string,
  source: string,
): Buffer {
  const input = path.join(dir, `${name}.c`);
  const output = path.join(dir, `lib${name}.so`);
  fs.writeFileSync(input, source);
  execFileSync(
    compiler,
    ['-shared', '-fPIC', `-Wl,-soname,lib${name}.so`, '-o', output, input],
    {
      stdio: 'pipe',
    },
  );
  return fs.readFileSync(output);
}

export const HELLO_C =
  '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n';
export const GREET_C =
  '#include <stdio.h>\nvoid greet(void) { puts("greetings"); }\n';
export const USES_GREET_C =
  'void greet(void);\nint main(void) { greet(); return 0; }\n';

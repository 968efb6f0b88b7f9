/*
 * Go facts from a build context: the modules go.mod requires and the go
 * directive. go.mod's grammar is small and line-based; it is read here.
 */

/** What go.mod of the context requires. @public */
export interface GoModFacts {
  file: string;
  module?: string;
  /** The `go 1.23` directive. */
  goVersion?: string;
  /** Required module paths with versions (direct and `// indirect`). */
  requires: ReadonlyMap<string, string>;
}

export function parseGoMod(file: string, text: string): GoModFacts {
  const requires = new Map<string, string>();
  let module: string | undefined;
  let goVersion: string | undefined;
  let block: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (block) {
      if (line === ')') {
        block = undefined;
        continue;
      }
      if (block === 'require') addRequire(line, requires);
      continue;
    }
    const open = /^(\w+)\s*\($/.exec(line);
    if (open) {
      block = open[1];
      continue;
    }
    const [directive, ...rest] = line.split(/\s+/);
    if (directive === 'module') module = rest[0]?.replace(/^"|"$/g, '');
    else if (directive === 'go') goVersion = rest[0];
    else if (directive === 'require') addRequire(rest.join(' '), requires);
    else if (
      ![
        'toolchain',
        'replace',
        'exclude',
        'retract',
        'godebug',
        'tool',
      ].includes(directive)
    )
      throw new Error(`unknown directive \`${directive}\``);
  }
  if (block) throw new Error(`unterminated \`${block} (\` block`);
  return { file, module, goVersion, requires };
}

function addRequire(line: string, requires: Map<string, string>): void {
  const [path, version] = line.split(/\s+/);
  if (path && version) requires.set(path.replace(/^"|"$/g, ''), version);
}

/**
 * Modules that only work with cgo: built with `CGO_ENABLED=0` they fail to
 * compile or, worse, compile to a stub that fails at run time. Whole modules
 * only: go.mod does not say which packages a build imports, so a module
 * whose cgo is in one package (gopacket's `pcap`, beside pure-Go decoding
 * layers that Tailscale uses) is not listed.
 */
export const CGO_ONLY_MODULES: Readonly<Record<string, string>> = {
  'github.com/mattn/go-sqlite3':
    'compiles to a stub without cgo: "Binary was compiled with \'CGO_ENABLED=0\', go-sqlite3 requires cgo to work"',
  'github.com/confluentinc/confluent-kafka-go': 'links librdkafka through cgo',
  'github.com/confluentinc/confluent-kafka-go/v2':
    'links librdkafka through cgo',
  'github.com/godror/godror': 'links the Oracle client through cgo',
  'gopkg.in/gographics/imagick.v3': 'links ImageMagick through cgo',
  'gopkg.in/gographics/imagick.v2': 'links ImageMagick through cgo',
  'github.com/tecbot/gorocksdb': 'links RocksDB through cgo',
  'github.com/linxGnu/grocksdb': 'links RocksDB through cgo',
  'github.com/DataDog/zstd': 'links zstd through cgo',
  'github.com/go-gl/glfw/v3.3': 'links GLFW through cgo',
};

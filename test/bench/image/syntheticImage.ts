import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';

const MiB = 1024 * 1024;

/**
 * A docker save archive of about `totalMiB`, written into `dir`: layers of
 * many files of varied sizes (as real images are: most small, a few large)
 * with real ELF binaries of the host among them, so the scan does its
 * ELF work too. The outer archive is written by the system tar.
 */
export async function writeSyntheticImage(
  dir: string,
  totalMiB: number,
): Promise<string> {
  const layerCount = 5;
  const perLayer = (totalMiB * MiB) / layerCount;
  const noise = randomBytes(8 * MiB);
  const elves = ['/bin/ls', '/bin/tar', '/usr/bin/gzip']
    .filter(file => fs.existsSync(file))
    .map(file => fs.readFileSync(file));
  const layerNames: string[] = [];
  const diffIds: string[] = [];
  for (let layer = 0; layer < layerCount; layer++) {
    const name = `${layer.toString().padStart(64, '0')}/layer.tar`;
    fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
    const pack = tar.pack();
    const hash = createHash('sha256');
    const out = fs.createWriteStream(path.join(dir, name));
    const writing = pipeline(
      pack as unknown as NodeJS.ReadableStream,
      async function* hashed(source) {
        for await (const chunk of source) {
          hash.update(chunk as Buffer);
          yield chunk;
        }
      },
      out,
    );
    let written = 0;
    for (let file = 0; written < perLayer; file++) {
      // Sizes: 9 of 10 files small (1-32 KiB), every tenth 0.5-4 MiB.
      const size =
        file % 10 === 9
          ? 512 * 1024 * (1 + (file % 8))
          : 1024 * (1 + (file % 32));
      const content =
        file % 97 === 0 && elves.length > 0
          ? elves[file % elves.length]
          : noise.subarray(
              (file * 4099) % (noise.length - size),
              ((file * 4099) % (noise.length - size)) + size,
            );
      await new Promise<void>((resolve, reject) =>
        pack.entry(
          { name: `layer${layer}/dir${file % 50}/file${file}` },
          content,
          error => (error ? reject(error) : resolve()),
        ),
      );
      written += content.length;
    }
    pack.finalize();
    await writing;
    layerNames.push(name);
    diffIds.push(`sha256:${hash.digest('hex')}`);
  }
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: layerNames.map((_, index) => ({
      created_by: `RUN /bin/sh -c generate layer ${index} # buildkit`,
    })),
  });
  fs.writeFileSync(path.join(dir, 'config.json'), config);
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify([
      {
        Config: 'config.json',
        RepoTags: ['bench/synthetic:1'],
        Layers: layerNames,
      },
    ]),
  );
  const archive = path.join(dir, 'app.tar');
  execFileSync('tar', [
    '-cf',
    archive,
    '-C',
    dir,
    'manifest.json',
    'config.json',
    ...layerNames,
  ]);
  for (const name of layerNames)
    fs.rmSync(path.join(dir, path.dirname(name)), { recursive: true });
  return archive;
}

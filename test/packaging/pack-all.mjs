// `yarn pack:packages`: builds the public packages and packs them into
// dist-packages/, the tarballs the README's "install from tarballs" steps use.
import path from 'node:path';
import { ROOT, buildPackages, packPackages } from './packages.mjs';

const outDir = path.join(ROOT, 'dist-packages');
const log = message => process.stdout.write(`pack:packages: ${message}\n`);
buildPackages({ log });
for (const pkg of packPackages(outDir, { log })) {
  process.stdout.write(`${path.relative(ROOT, pkg.file)}\n`);
}

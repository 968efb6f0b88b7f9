import type { LayerScan } from '../layers/LayerScan';
import { ImageFilesystem } from './ImageFilesystem';

/**
 * Applies the layers in order as the container runtime does (OCI image
 * spec, "Applying changesets"): a layer's opaque markers and whiteouts hide
 * what the layers below hold, then its own entries are added. Hard links
 * take the facts of the file they point at.
 */
export function mergeLayers(layers: LayerScan[]): ImageFilesystem {
  const filesystem = new ImageFilesystem();
  layers.forEach((layer, index) => {
    for (const directory of layer.opaqueDirectories) {
      filesystem.clearDirectory(directory);
    }
    for (const path of layer.whiteouts) filesystem.remove(path);
    for (const entry of layer.entries) {
      if (entry.type === 'hardlink' && entry.linkTarget !== undefined) {
        const source = filesystem.entryAt(entry.linkTarget);
        if (source?.type === 'file') {
          filesystem.add({ ...source, path: entry.path, layer: index });
          continue;
        }
      }
      filesystem.add({ ...entry, layer: index });
    }
  });
  return filesystem;
}

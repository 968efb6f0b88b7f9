import type { LayerScan } from '../layers/LayerScan';

/**
 * What an image archive holds, by name inside the archive (`manifest.json`,
 * `blobs/sha256/…`, `<id>/layer.tar`): its JSON documents, and a way to
 * get each layer's scan. A tar stream is read once in whatever order it
 * comes, so its layers are scanned before the manifest says which matter;
 * an OCI layout folder is read in the manifest's order.
 */
export interface ArchiveContents {
  /** Human name of the input for messages (`app.tar`, `-`, a folder). */
  label: string;
  readJson(name: string): Promise<unknown | undefined>;
  scanLayer(name: string): Promise<LayerScan | undefined>;
}

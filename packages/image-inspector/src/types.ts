/*
 * The image inspector's public shapes: what one built image is made of (its
 * libc, layers and their history) and what is wrong with it for its libc.
 * JSON-serialisable, so the CLI prints them and CI can post them.
 */

/** The C library the image's dynamic executables run against. `none`: no dynamic loader (scratch, static binaries only). @public */
export type ImageLibc = 'musl' | 'glibc' | 'none';

/** How bad an image finding is, on the analyzer's scale. @public */
export type ImageSeverity = 'error' | 'warning' | 'info';

/** One layer of the image, in order from the base. @public */
export interface ImageLayer {
  /** 0-based position among the layers. */
  index: number;
  /** The uncompressed layer digest (`rootfs.diff_ids`) when the config has it, else the blob digest or name. */
  digest: string;
  /** The history line that produced the layer (`created_by`), when the config keeps it. */
  createdBy?: string;
  /** Entries in the layer tar (files, links, directories, whiteouts). */
  entries: number;
  /** Uncompressed bytes of file content read. */
  bytes: number;
}

/** Which libc the image's files say it has, and which files said so. @public */
export interface LibcVerdict {
  libc: ImageLibc;
  /** `ID` of /etc/os-release (`alpine`, `debian`…), when present. */
  distro?: string;
  /** `VERSION_ID` of /etc/os-release or /etc/alpine-release. */
  distroVersion?: string;
  /** The files that decided, e.g. `/lib/ld-musl-x86_64.so.1`. */
  evidence: string[];
  /** glibc compatibility shims installed in a musl image (`gcompat`, `libc6-compat`). */
  shims: string[];
}

/** Where in the image a finding is. @public */
export interface ImageLocation {
  /** Absolute path inside the image. */
  path: string;
  /** The layer that last wrote the file. */
  layer: number;
  layerDigest: string;
  createdBy?: string;
}

/** One problem in the built image. @public */
export interface ImageFinding {
  ruleId: string;
  severity: ImageSeverity;
  message: string;
  remediation: string;
  location: ImageLocation;
}

/** The inspection of one image. @public */
export interface ImageReport {
  /** The image id (config digest), `sha256:…`, when the archive names it. */
  imageId?: string;
  /** Repository tags the archive records (`docker save` only). */
  tags: string[];
  os?: string;
  architecture?: string;
  libc: LibcVerdict;
  layers: ImageLayer[];
  findings: ImageFinding[];
  /** Counts of what was read, to show the inspection looked. */
  stats: { files: number; elfFiles: number; bytes: number };
  /** Things that limited the inspection without failing it (e.g. an ELF section past the capture cap). */
  notes: string[];
}

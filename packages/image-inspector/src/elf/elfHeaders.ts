/*
 * The few ELF structures the checks read (System V gABI): the file header,
 * program headers and dynamic entries, for 32/64-bit and either byte order.
 */

export const ELF_MAGIC = 0x7f454c46;
export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const DT_NULL = 0;
export const DT_NEEDED = 1;
export const DT_STRTAB = 5;
export const DT_STRSZ = 10;
export const DT_SONAME = 14;
export const DT_RPATH = 15;
export const DT_RUNPATH = 29;

export interface FileHeader {
  bits: 32 | 64;
  littleEndian: boolean;
  type: number;
  machine: number;
  phoff: number;
  phentsize: number;
  phnum: number;
}

export interface ProgramHeader {
  type: number;
  offset: number;
  vaddr: number;
  filesz: number;
}

export interface DynamicEntry {
  tag: number;
  value: number;
}

/** Bytes needed to read the file header of either class. */
export const FILE_HEADER_BYTES = 64;

export function parseFileHeader(bytes: Buffer): FileHeader | undefined {
  if (bytes.length < 52 || bytes.readUInt32BE(0) !== ELF_MAGIC) {
    return undefined;
  }
  const bits = ({ 1: 32, 2: 64 } as const)[bytes[4] as 1 | 2];
  const littleEndian = ({ 1: true, 2: false } as const)[bytes[5] as 1 | 2];
  if (bits === undefined || littleEndian === undefined) return undefined;
  if (bits === 64 && bytes.length < FILE_HEADER_BYTES) return undefined;
  const read = reader(bytes, littleEndian);
  return bits === 64
    ? {
        bits,
        littleEndian,
        type: read.u16(16),
        machine: read.u16(18),
        phoff: read.u64(32),
        phentsize: read.u16(54),
        phnum: read.u16(56),
      }
    : {
        bits,
        littleEndian,
        type: read.u16(16),
        machine: read.u16(18),
        phoff: read.u32(28),
        phentsize: read.u16(42),
        phnum: read.u16(44),
      };
}

export function parseProgramHeaders(
  bytes: Buffer,
  header: FileHeader,
): ProgramHeader[] {
  const read = reader(bytes, header.littleEndian);
  const headers: ProgramHeader[] = [];
  for (let index = 0; index < header.phnum; index++) {
    const at = index * header.phentsize;
    headers.push(
      header.bits === 64
        ? {
            type: read.u32(at),
            offset: read.u64(at + 8),
            vaddr: read.u64(at + 16),
            filesz: read.u64(at + 32),
          }
        : {
            type: read.u32(at),
            offset: read.u32(at + 4),
            vaddr: read.u32(at + 8),
            filesz: read.u32(at + 16),
          },
    );
  }
  return headers;
}

export function parseDynamicEntries(
  bytes: Buffer,
  header: FileHeader,
): DynamicEntry[] {
  const read = reader(bytes, header.littleEndian);
  const size = header.bits === 64 ? 16 : 8;
  const entries: DynamicEntry[] = [];
  for (let at = 0; at + size <= bytes.length; at += size) {
    const tag = header.bits === 64 ? read.u64(at) : read.u32(at);
    if (tag === DT_NULL) break;
    const value = header.bits === 64 ? read.u64(at + 8) : read.u32(at + 4);
    entries.push({ tag, value });
  }
  return entries;
}

/** The file offset of a virtual address, through the PT_LOAD segment that maps it. */
export function fileOffsetOf(
  vaddr: number,
  segments: ProgramHeader[],
): number | undefined {
  for (const segment of segments) {
    if (segment.type !== PT_LOAD) continue;
    if (vaddr >= segment.vaddr && vaddr < segment.vaddr + segment.filesz) {
      return segment.offset + (vaddr - segment.vaddr);
    }
  }
  return undefined;
}

function reader(bytes: Buffer, littleEndian: boolean) {
  return {
    u16: (at: number) =>
      littleEndian ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at),
    u32: (at: number) =>
      littleEndian ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at),
    // Offsets past 2^53 are not real files; Number keeps the arithmetic simple.
    u64: (at: number) =>
      Number(
        littleEndian ? bytes.readBigUInt64LE(at) : bytes.readBigUInt64BE(at),
      ),
  };
}

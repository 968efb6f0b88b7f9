import { CapturedRanges } from './CapturedRanges';
import type { ElfFacts } from './ElfFacts';
import {
  DT_NEEDED,
  DT_RPATH,
  DT_RUNPATH,
  DT_SONAME,
  DT_STRSZ,
  DT_STRTAB,
  DynamicEntry,
  FileHeader,
  FILE_HEADER_BYTES,
  fileOffsetOf,
  parseDynamicEntries,
  parseFileHeader,
  parseProgramHeaders,
  ProgramHeader,
  PT_DYNAMIC,
  PT_INTERP,
} from './elfHeaders';

/** Kept from every ELF file: headers, PT_INTERP and the dynamic section of small files sit here. */
const PREFIX_BYTES = 64 * 1024;
const MAX_PROGRAM_HEADERS = 1024;
const MAX_INTERPRETER_BYTES = 4096;

const ET_EXEC = 2;
const ET_DYN = 3;

/**
 * Reads an ELF file's loader facts from its bytes as they stream past once,
 * keeping only the ranges it needs: the file header, the program headers,
 * PT_INTERP, the dynamic section and its string table. The string table
 * usually lies before the dynamic section, so the bytes up to the dynamic
 * section are kept too, up to `maxCaptureBytes`; past that the facts say
 * they are incomplete instead of holding more.
 */
export class ElfStreamReader {
  private readonly captured = new CapturedRanges(PREFIX_BYTES);
  private header?: FileHeader;
  private segments?: ProgramHeader[];
  private interpreterRange?: [number, number];
  private dynamicRange?: [number, number];
  private dynamic?: DynamicEntry[];
  private stringTable?: [number, number];
  private incomplete?: string;
  private notElf = false;

  constructor(private readonly maxCaptureBytes: number) {}

  feed(chunk: Buffer): void {
    if (this.notElf) return;
    this.captured.feed(chunk);
    this.advance();
    this.captured.releaseChunk();
  }

  /** The facts once the file ended; undefined when it is no ELF file after all. */
  finish(): ElfFacts | undefined {
    this.advance();
    const header = this.header;
    if (!header) return undefined;
    const interpreter = this.readInterpreter();
    const kind = kindOf(header.type, interpreter);
    const facts: ElfFacts = {
      kind,
      bits: header.bits,
      machine: header.machine,
      interpreter,
      needed: [],
      rpath: [],
      runpath: [],
    };
    this.readDynamicStrings(facts);
    if (this.incomplete) facts.incomplete = this.incomplete;
    return facts;
  }

  private advance(): void {
    if (!this.header) {
      if (!this.captured.passed(4)) return;
      const magic = this.captured.read(0, 4);
      if (!magic || magic.readUInt32BE(0) !== 0x7f454c46) {
        this.notElf = true;
        return;
      }
      if (!this.captured.passed(FILE_HEADER_BYTES)) return;
      this.header = parseFileHeader(this.captured.read(0, FILE_HEADER_BYTES)!);
      if (!this.header) {
        this.notElf = true;
        return;
      }
      const { phoff, phentsize, phnum } = this.header;
      if (phnum > MAX_PROGRAM_HEADERS || phentsize < 32) {
        this.markIncomplete('implausible program header table');
        return;
      }
      this.keep(phoff, phoff + phentsize * phnum, 'program headers');
    }
    if (this.header && !this.segments) {
      const { phoff, phentsize, phnum } = this.header;
      const bytes = this.captured.read(phoff, phoff + phentsize * phnum);
      if (!bytes) return;
      this.segments = parseProgramHeaders(bytes, this.header);
      this.planSegments(this.segments);
    }
    if (this.dynamicRange && !this.dynamic) {
      const bytes = this.captured.read(...this.dynamicRange);
      if (!bytes) return;
      this.dynamic = parseDynamicEntries(bytes, this.header!);
      this.planStringTable(this.dynamic);
    }
  }

  private planSegments(segments: ProgramHeader[]): void {
    const interpreter = segments.find(segment => segment.type === PT_INTERP);
    if (interpreter) {
      const size = Math.min(interpreter.filesz, MAX_INTERPRETER_BYTES);
      this.interpreterRange = [interpreter.offset, interpreter.offset + size];
      this.keep(...this.interpreterRange, 'PT_INTERP');
    }
    const dynamic = segments.find(segment => segment.type === PT_DYNAMIC);
    if (!dynamic) return;
    this.dynamicRange = [dynamic.offset, dynamic.offset + dynamic.filesz];
    // The string table is almost always before the dynamic section.
    const before = Math.min(dynamic.offset, this.maxCaptureBytes);
    if (before > PREFIX_BYTES) this.keep(0, before, 'bytes before .dynamic');
    this.keep(...this.dynamicRange, 'the dynamic section');
  }

  private planStringTable(entries: DynamicEntry[]): void {
    const address = entries.find(entry => entry.tag === DT_STRTAB)?.value;
    const size = entries.find(entry => entry.tag === DT_STRSZ)?.value;
    if (address === undefined || size === undefined) return;
    const offset = fileOffsetOf(address, this.segments!);
    if (offset === undefined) {
      this.markIncomplete('DT_STRTAB maps to no file offset');
      return;
    }
    this.stringTable = [offset, offset + size];
    this.keep(...this.stringTable, 'the dynamic string table');
  }

  private keep(start: number, end: number, what: string): void {
    if (end - start > this.maxCaptureBytes) {
      this.markIncomplete(
        `${what} exceed the ${this.maxCaptureBytes}-byte capture cap`,
      );
      return;
    }
    if (!this.captured.want(start, end)) {
      this.markIncomplete(`${what} lie before bytes already streamed past`);
    }
  }

  private markIncomplete(reason: string): void {
    this.incomplete ??= reason;
  }

  private readInterpreter(): string | undefined {
    if (!this.interpreterRange) return undefined;
    const bytes = this.captured.read(...this.interpreterRange);
    if (!bytes) {
      this.markIncomplete('PT_INTERP lies past the end of the file');
      return undefined;
    }
    return cString(bytes, 0);
  }

  private readDynamicStrings(facts: ElfFacts): void {
    if (!this.dynamicRange) return;
    if (!this.dynamic) {
      this.markIncomplete('the dynamic section could not be read');
      return;
    }
    if (!this.stringTable) return;
    const strings = this.captured.read(...this.stringTable);
    if (!strings) {
      this.markIncomplete('the dynamic string table could not be read');
      return;
    }
    for (const { tag, value } of this.dynamic) {
      if (value >= strings.length) continue;
      if (tag === DT_NEEDED) facts.needed.push(cString(strings, value));
      else if (tag === DT_SONAME) facts.soname = cString(strings, value);
      else if (tag === DT_RPATH) facts.rpath.push(...splitPath(strings, value));
      else if (tag === DT_RUNPATH) {
        facts.runpath.push(...splitPath(strings, value));
      }
    }
  }
}

/** A PIE is ET_DYN with an interpreter: an executable, not a library. */
function kindOf(
  type: number,
  interpreter: string | undefined,
): ElfFacts['kind'] {
  if (type === ET_EXEC || (type === ET_DYN && interpreter)) return 'executable';
  if (type === ET_DYN) return 'shared-object';
  return 'other';
}

function cString(bytes: Buffer, at: number): string {
  const end = bytes.indexOf(0, at);
  return bytes.toString('utf8', at, end === -1 ? bytes.length : end);
}

function splitPath(bytes: Buffer, at: number): string[] {
  return cString(bytes, at)
    .split(':')
    .filter(part => part.length > 0);
}

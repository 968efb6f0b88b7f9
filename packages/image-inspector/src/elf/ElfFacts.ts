/** What the loader needs to run one ELF file, read from its headers and dynamic section. @public */
export interface ElfFacts {
  /** `executable` (ET_EXEC, or ET_DYN with an interpreter: a PIE), `shared-object`, or `other` (relocatable, core). */
  kind: 'executable' | 'shared-object' | 'other';
  /** 32 or 64-bit. */
  bits: 32 | 64;
  /** `e_machine`, e.g. 62 for x86-64, 183 for AArch64. */
  machine: number;
  /** `PT_INTERP`: the dynamic loader the kernel starts, e.g. `/lib/ld-musl-x86_64.so.1`. */
  interpreter?: string;
  /** `DT_NEEDED` sonames, in order. */
  needed: string[];
  /** `DT_RPATH` directories (colon-separated in the file). */
  rpath: string[];
  /** `DT_RUNPATH` directories. */
  runpath: string[];
  soname?: string;
  /** Set when a part the checks need lay beyond the capture cap or outside the file. */
  incomplete?: string;
}

/**
 * The package names of apk's installed database, read line by line as it
 * streams (the database of a large image is megabytes; only `P:` lines
 * matter). Tells whether a glibc shim such as gcompat is installed.
 */
export class ApkPackageNames {
  private readonly names: string[] = [];
  private partial = '';

  feed(chunk: Buffer): void {
    const lines = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.take(line);
  }

  finish(): string[] {
    this.take(this.partial);
    this.partial = '';
    return this.names;
  }

  private take(line: string): void {
    if (line.startsWith('P:')) this.names.push(line.slice(2).trim());
  }
}

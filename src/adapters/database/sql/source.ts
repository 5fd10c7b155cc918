/**
 * Positions in a SQL file. The parser and scanner count UTF-8 bytes, parse
 * errors count characters; people count lines and columns. A comment with an
 * accent must not shift every later statement, so offsets are converted here.
 */
export class SourceText {
  private readonly bytes: Buffer;
  /** Byte offset at which each line starts. */
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    this.bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < this.bytes.length; i++) if (this.bytes[i] === 0x0a) this.lineStarts.push(i + 1);
  }

  get byteLength(): number {
    return this.bytes.length;
  }

  /** The text between two byte offsets. */
  slice(start: number, end: number): string {
    return this.bytes.subarray(start, end).toString('utf8');
  }

  /** 1-based line of a byte offset. */
  lineAt(offset: number): number {
    let [low, high] = [0, this.lineStarts.length - 1];
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((this.lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.bytes.length;
    const end = this.lineStarts[line] ?? this.bytes.length;
    return this.slice(start, end).replace(/\r?\n$/, '');
  }

  /** 1-based line and column of the `index`-th character (code point, as PostgreSQL counts them). */
  positionOfCharacter(index: number): { line: number; column: number } {
    let [line, column, seen] = [1, 1, 0];
    for (const char of this.text) {
      if (seen === index) break;
      seen++;
      if (char === '\n') [line, column] = [line + 1, 1];
      else column++;
    }
    return { line, column };
  }
}

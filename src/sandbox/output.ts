import { createHash } from 'node:crypto';
import type { StreamCapture } from '../protocol/transitions.js';

/** Keeps the first `cap` bytes of a stream while counting and hashing all of it. */
export class OutputCapture {
  private readonly hash = createHash('sha256');
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;
  private total = 0;

  constructor(private readonly cap: number) {}

  write(chunk: Buffer): void {
    this.hash.update(chunk);
    this.total += chunk.length;
    if (this.keptBytes < this.cap) {
      const part = chunk.subarray(0, this.cap - this.keptBytes);
      this.kept.push(part);
      this.keptBytes += part.length;
    }
  }

  finish(): StreamCapture {
    // Cutting at a byte cap can split a UTF-8 sequence; the decoder replaces the fragment instead of failing.
    return {
      text: Buffer.concat(this.kept).toString('utf8'),
      bytes: this.total,
      sha256: this.hash.digest('hex'),
      truncated: this.total > this.keptBytes,
    };
  }
}

// Content-addressed storage of document files: each distinct content is one file named
// by its sha256, under <dir>/<first 2 hex digits>/<sha256>. Uploading the same bytes
// twice stores them once; a file's name never changes once written, so readers never
// see a partial file (it is written to <dir>/tmp first, then renamed into place).
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Bytes received into a temporary file, not yet part of the store. */
export interface StagedContent {
  sha256: string;
  size: number;
  /** The temporary file, for inspecting the content (e.g. its type) before committing. */
  path: string;
  /** Moves the content into the store (a no-op when the store already holds it). */
  commit(): Promise<void>;
  /** Deletes the temporary file. Safe to call after commit, and more than once. */
  discard(): Promise<void>;
}

export class DocumentStorage {
  private readonly tmpDir: string;

  constructor(readonly dir: string) {
    this.tmpDir = join(dir, 'tmp');
  }

  /** Where the content with this hash lives. Refuses anything but a sha256 (no path tricks). */
  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`Not a sha256 hex digest: ${JSON.stringify(sha256)}`);
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /**
   * Streams `source` into a temporary file while hashing it. On any error (including the
   * source being destroyed mid-way) the temporary file is removed and the error rethrown.
   */
  async stage(source: Readable): Promise<StagedContent> {
    await mkdir(this.tmpDir, { recursive: true });
    // Same folder tree as the store, so the final rename stays on one filesystem (atomic).
    const path = join(this.tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const discard = () => rm(path, { force: true });
    try {
      // flush: the bytes reach the disk before the rename makes them visible.
      await pipeline(source, measure, createWriteStream(path, { flags: 'wx', flush: true }));
    } catch (error) {
      await discard();
      throw error;
    }
    const sha256 = hash.digest('hex');
    return {
      sha256,
      size,
      path,
      discard,
      commit: async () => {
        const target = this.pathOf(sha256);
        if (await this.has(sha256)) {
          await discard();
          return;
        }
        await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
        // Two uploads of the same bytes may race here; both renames leave identical content.
        await rename(path, target);
      },
    };
  }

  /** Stores the content of `source` and returns its hash and size. */
  async put(source: Readable): Promise<{ sha256: string; size: number }> {
    const staged = await this.stage(source);
    try {
      await staged.commit();
    } finally {
      await staged.discard();
    }
    return { sha256: staged.sha256, size: staged.size };
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /** Opens the stored content for streaming; null when the store does not hold it. */
  async read(sha256: string): Promise<{ size: number; stream: Readable } | null> {
    let file: FileHandle;
    try {
      file = await open(this.pathOf(sha256), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const { size } = await file.stat();
      // The stream owns the handle from here and closes it when done or destroyed.
      return { size, stream: file.createReadStream() };
    } catch (error) {
      await file.close();
      throw error;
    }
  }
}

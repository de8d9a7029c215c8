import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** Where evidence bytes live, addressed by their SHA-256. An S3-compatible store can implement it. */
export abstract class EvidenceStorage {
  abstract put(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  abstract open(sha256: string): Promise<{ stream: Readable; size: number } | undefined>;
  abstract has(sha256: string): Promise<boolean>;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** A local directory: <root>/<aa>/<sha256>, written atomically (temp file + rename). */
export class LocalEvidenceStorage extends EvidenceStorage {
  constructor(private readonly root: string) {
    super();
  }

  private pathOf(sha256: string): string {
    if (!HEX64.test(sha256)) throw new Error('not a sha256');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return { sha256, size: bytes.length };
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    const tmp = `${target}.${randomUUID()}.tmp`;
    await writeFile(tmp, bytes, { flag: 'wx' });
    try {
      await rename(tmp, target);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
    return { sha256, size: bytes.length };
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async open(sha256: string): Promise<{ stream: Readable; size: number } | undefined> {
    try {
      const path = this.pathOf(sha256);
      const s = await stat(path);
      return { stream: createReadStream(path), size: s.size };
    } catch {
      return undefined;
    }
  }
}

import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { ContentTooLargeError, EvidenceStore, StoredContent } from './evidence-store';

/** 256 KiB: few rows per file, and a chunk is a small fraction of what one request may hold in memory. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Evidence content in PostgreSQL: rows of evidence_file_chunks (file_id, seq, data). An upload
 * is cut into chunks as it arrives and each is inserted before the next is read, so memory holds
 * one chunk and a slow database slows the upload down instead of filling the heap.
 */
@Injectable()
export class PostgresEvidenceStore implements EvidenceStore {
  constructor(private readonly db: DataSource) {}

  async write(within: EntityManager, fileId: string, content: AsyncIterable<Buffer>, maxBytes: number): Promise<StoredContent> {
    const hash = createHash('sha256');
    let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0;
    let size = 0;
    let seq = 0;
    const flush = async () => {
      if (!filled) return;
      await within.query(`INSERT INTO evidence_file_chunks (file_id, seq, data) VALUES ($1, $2, $3)`, [fileId, seq++, chunk.subarray(0, filled)]);
      // pg has serialized the parameter by now; a fresh buffer anyway, so no row can ever share memory with the next chunk.
      chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      filled = 0;
    };
    for await (const piece of content) {
      size += piece.length;
      if (size > maxBytes) throw new ContentTooLargeError(maxBytes);
      hash.update(piece);
      let offset = 0;
      while (offset < piece.length) {
        const n = piece.copy(chunk, filled, offset);
        filled += n;
        offset += n;
        if (filled === CHUNK_BYTES) await flush();
      }
    }
    await flush();
    return { size, sha256: hash.digest('hex') };
  }

  /**
   * One query per chunk, each on whatever pool connection is free: a slow download holds no
   * connection between chunks. A file whose chunks do not add up to its size (deleted while
   * being read) ends the stream with an error rather than a short file passed off as whole.
   */
  read(fileId: string, size: number): Readable {
    const db = this.db;
    async function* chunks(): AsyncGenerator<Buffer> {
      let sent = 0;
      for (let seq = 0; sent < size; seq++) {
        const [row]: { data: Buffer }[] = await db.query(`SELECT data FROM evidence_file_chunks WHERE file_id = $1 AND seq = $2`, [fileId, seq]);
        if (!row) throw new Error(`evidence file ${fileId}: chunk ${seq} is missing after ${sent} of ${size} bytes`);
        sent += row.data.length;
        yield row.data;
      }
      if (sent !== size) throw new Error(`evidence file ${fileId}: ${sent} bytes stored, ${size} expected`);
    }
    // highWaterMark 1 (object mode): the next chunk is fetched only when the previous one is being sent.
    return Readable.from(chunks(), { highWaterMark: 1 });
  }

  async delete(within: EntityManager, fileId: string): Promise<void> {
    await within.query(`DELETE FROM evidence_file_chunks WHERE file_id = $1`, [fileId]);
  }
}

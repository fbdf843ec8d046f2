import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

/** What a store reports of content it has written. */
export interface StoredContent {
  size: number;
  /** lower-case hex SHA-256 of the bytes as stored */
  sha256: string;
}

/**
 * Where the bytes of evidence files live, apart from their metadata (evidence_files). The
 * PostgreSQL store keeps them in the database; an object store can take its place behind this
 * interface. `within` is the transaction the metadata is written in: a store inside PostgreSQL
 * writes in it (so a refusal leaves nothing behind); one outside would write first and delete
 * what it wrote when the transaction fails.
 */
export interface EvidenceStore {
  /** Writes the content as it streams in, never holding more than one chunk; fails over `maxBytes`. */
  write(within: EntityManager, fileId: string, content: AsyncIterable<Buffer>, maxBytes: number): Promise<StoredContent>;
  /** The content, read one chunk at a time as the consumer asks for more; `size` is what the metadata says. */
  read(fileId: string, size: number): Readable;
  delete(within: EntityManager, fileId: string): Promise<void>;
}

/** The Nest token of the EvidenceStore in use. */
export const EVIDENCE_STORE = Symbol('EvidenceStore');

/** Thrown by a store when the content passes `maxBytes`. */
export class ContentTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`content is over ${maxBytes} bytes`);
    this.name = 'ContentTooLargeError';
  }
}

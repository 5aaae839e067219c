import type { ApolloServerOptions } from '@apollo/server';
import type { DocumentNode } from 'graphql';

type DocumentStore = NonNullable<ApolloServerOptions<never>['documentStore']>;

/**
 * How much document text the parsed documents kept may come from. A parsed document keeps every
 * token of its text and costs about 100 bytes of memory per character of it (8 kB for a
 * 70-character query, about 1 MB for one at the token limit): 256 k characters keep the store
 * near 30 MB, and hold every operation a client sends many times over.
 */
export const DEFAULT_DOCUMENT_STORE_CHARS = 256 * 1024;

/** What a document without its source (none Apollo stores) is counted as. */
const UNKNOWN_LENGTH = 1024;

/**
 * Apollo's store of parsed and validated documents, bounded by the length of their text, the
 * least recently used going first. Apollo's default bounds its store by the documents' JSON size
 * (30 MiB), which says little of their size in memory: under a stream of distinct documents the
 * process grew past 600 MB.
 */
export class BoundedDocumentStore implements DocumentStore {
  private readonly documents = new Map<string, { readonly document: DocumentNode; readonly chars: number }>();
  private chars = 0;

  constructor(private readonly maxChars = DEFAULT_DOCUMENT_STORE_CHARS) {}

  async get(key: string): Promise<DocumentNode | undefined> {
    const entry = this.documents.get(key);
    if (entry === undefined) return undefined;
    this.documents.delete(key);
    this.documents.set(key, entry);
    return entry.document;
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    await this.delete(key);
    const chars = document.loc?.source.body.length ?? UNKNOWN_LENGTH;
    if (chars > this.maxChars) return;
    this.documents.set(key, { document, chars });
    this.chars += chars;
    for (const [oldest, entry] of this.documents) {
      if (this.chars <= this.maxChars) break;
      this.documents.delete(oldest);
      this.chars -= entry.chars;
    }
  }

  async delete(key: string): Promise<boolean> {
    const entry = this.documents.get(key);
    if (entry === undefined) return false;
    this.documents.delete(key);
    this.chars -= entry.chars;
    return true;
  }

  /** Characters of document text kept. */
  get size(): number {
    return this.chars;
  }
}

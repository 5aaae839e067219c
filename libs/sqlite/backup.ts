import Database from 'better-sqlite3';

/**
 * Copies a SQLite database into `destination` with SQLite's online backup, page by page: the copy
 * is one consistent state of the file even while another connection (a live service) writes it.
 */
export async function backupSqliteDatabase(file: string, destination: string): Promise<void> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await db.backup(destination);
  } finally {
    db.close();
  }
}

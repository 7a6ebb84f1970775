/**
 * Kysely's SQLite dialect with the database in a worker thread: statements run off the main thread,
 * so a long import keeps preparing its next rows (mapping, validation, encryption) while SQLite
 * writes the previous ones, and the server answers other requests meanwhile. One connection, as
 * with Kysely's own SqliteDriver: a mutex hands it to one user (or transaction) at a time.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  CompiledQuery, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type DatabaseConnection, type DatabaseIntrospector, type Dialect, type DialectAdapter, type Driver, type Kysely, type QueryCompiler, type QueryResult,
} from 'kysely';
import { SQLITE_WORKER_SOURCE } from './worker-source.js';

interface Reply {
  id?: number;
  ready?: boolean;
  closed?: boolean;
  rows?: unknown[];
  changes?: number;
  lastInsertRowid?: number | bigint;
  error?: { message: string; code?: string };
}

/** An error from SQLite, with its code (e.g. SQLITE_CONSTRAINT_UNIQUE) as better-sqlite3 gives it. */
export class SqliteWorkerError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'SqliteError';
  }
}

class WorkerConnection implements DatabaseConnection {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: Reply) => {
      if (m.id === undefined) return;
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) worker.unref();
      if (m.error) w.reject(new SqliteWorkerError(m.error.message, m.error.code));
      else w.resolve(m);
    });
    const fail = (e: Error) => {
      this.failure = e;
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the SQLite worker thread exited (${code})`)));
  }

  send(message: Record<string, unknown>): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    // The thread keeps the process alive only while a statement is pending (an open but idle
    // database does not, as with an in-process connection).
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const r = await this.send({ sql: q.sql, params: q.parameters });
    if (r.rows) return { rows: r.rows as R[] };
    return {
      numAffectedRows: r.changes === undefined || r.changes === null ? undefined : BigInt(r.changes),
      insertId: r.lastInsertRowid === undefined || r.lastInsertRowid === null ? undefined : BigInt(r.lastInsertRowid),
      rows: [],
    };
  }

  async *streamQuery<R>(q: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const r = await this.executeQuery<R>(q);
    for (const row of r.rows) yield { rows: [row] };
  }
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;

  async lock(): Promise<void> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    await previous;
    this.release = release;
  }

  unlock(): void {
    const r = this.release;
    this.release = null;
    r?.();
  }
}

class WorkerDriver implements Driver {
  private worker: Worker | null = null;
  private connection: WorkerConnection | null = null;
  private readonly mutex = new Mutex();

  constructor(private readonly file: string, private readonly pragmas: string[]) {}

  async init(): Promise<void> {
    const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(SQLITE_WORKER_SOURCE, { eval: true, workerData: { modulePath, file: this.file, pragmas: this.pragmas } });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: Reply) => {
        if (!m.ready) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    worker.unref();
    this.worker = worker;
    this.connection = new WorkerConnection(worker);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock();
    return this.connection!;
  }

  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    this.mutex.unlock();
  }

  async destroy(): Promise<void> {
    if (!this.worker || !this.connection) return;
    try {
      await this.connection.send({ close: true });
    } finally {
      await this.worker.terminate();
      this.worker = null;
    }
  }
}

export class SqliteWorkerDialect implements Dialect {
  constructor(private readonly file: string, private readonly pragmas: string[]) {}
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new WorkerDriver(this.file, this.pragmas);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

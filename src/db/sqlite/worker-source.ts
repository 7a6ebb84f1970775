/**
 * The SQLite worker thread's code (plain JavaScript, run with `eval` so that it needs no loader):
 * one better-sqlite3 connection; each message is a statement with its parameters, answered in the
 * order received. Prepared statements are kept by SQL text (bulk imports run the same few
 * statements thousands of times).
 */
export const SQLITE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.modulePath);
const db = new SQLite(workerData.file);
for (const p of workerData.pragmas) db.pragma(p);
const cache = new Map();
const MAX_CACHED = 256;
function statement(sql) {
  let s = cache.get(sql);
  if (s) {
    cache.delete(sql);
    cache.set(sql, s);
    return s;
  }
  s = db.prepare(sql);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value);
  cache.set(sql, s);
  return s;
}
const param = (v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);
parentPort.on('message', (m) => {
  if (m.close) {
    try { db.close(); } finally { parentPort.postMessage({ id: m.id, closed: true }); }
    return;
  }
  try {
    const s = statement(m.sql);
    const params = m.params.map(param);
    if (s.reader) {
      parentPort.postMessage({ id: m.id, rows: s.all(params) });
    } else {
      const r = s.run(params);
      parentPort.postMessage({ id: m.id, changes: r.changes, lastInsertRowid: r.lastInsertRowid });
    }
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: { message: String(e && e.message || e), code: e && e.code } });
  }
});
parentPort.postMessage({ ready: true });
`;

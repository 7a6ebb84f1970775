/**
 * AES-256-GCM encryption in a worker thread, for bulk imports: the importer hands over a flush's
 * plaintexts and goes on mapping the next rows while they are encrypted on the other core.
 * The ciphertext format is Keyring.encrypt's (`v<version>:` + base64 of IV ‖ tag ‖ body); the
 * worker's code is plain JavaScript run with `eval`, so it needs no loader.
 */
import { Worker } from 'node:worker_threads';

const SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { createCipheriv, createSecretKey, randomBytes } = require('node:crypto');
const key = createSecretKey(Buffer.from(workerData.key));
const prefix = 'v' + workerData.version + ':';
let pool = Buffer.alloc(0);
let at = 0;
function nextIv() {
  if (at + 12 > pool.length) { pool = randomBytes(12 * 4096); at = 0; }
  const iv = pool.subarray(at, at + 12);
  at += 12;
  return iv;
}
parentPort.on('message', (m) => {
  try {
    const out = new Array(m.texts.length);
    for (let i = 0; i < m.texts.length; i++) {
      const iv = nextIv();
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(m.texts[i], 'utf8'), c.final()]);
      out[i] = prefix + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    }
    parentPort.postMessage({ id: m.id, out });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) });
  }
});
`;

type Reply = { id: number; out?: string[]; error?: string };

export class EncryptWorker {
  private worker: Worker | null = null;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: string[]) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly version: number,
    private readonly key: Buffer,
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(SOURCE, { eval: true, workerData: { version: this.version, key: new Uint8Array(this.key) } });
    w.on('message', (m: Reply) => {
      const p = this.waiting.get(m.id);
      if (!p) return;
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) w.unref();
      if (m.out) p.resolve(m.out);
      else p.reject(new Error(`encryption worker: ${m.error}`));
    });
    const fail = (e: Error) => {
      for (const p of this.waiting.values()) p.reject(e);
      this.waiting.clear();
      this.worker = null;
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`encryption worker exited (${code})`)));
    // Idle, it does not keep the process alive; while it owes answers, it does.
    w.unref();
    this.worker = w;
    return w;
  }

  encrypt(texts: string[]): Promise<string[]> {
    const w = this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) w.ref();
      this.waiting.set(id, { resolve, reject });
      w.postMessage({ id, texts });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

/**
 * Terminal progress for imports: a cli-progress bar on a terminal; elsewhere (a pipe, a log file,
 * a parent process) one plain line per 5 % so a watcher can follow without control characters.
 */
import cliProgress from 'cli-progress';
import type { ImportProgress } from './import/importer.js';

export interface ProgressReporter {
  update: (p: ImportProgress) => void;
  stop: () => void;
}

const PHASE: Record<ImportProgress['phase'], string> = { hash: '校验', read: '导入', commit: '提交', done: '完成' };

export function progressReporter(totalBytes: number, label = '', stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY) {
    let lastStep = -1;
    return {
      update: (p) => {
        const step = Math.floor((p.bytesRead / Math.max(1, totalBytes)) * 20);
        if (p.phase === 'read' && step === lastStep) return;
        lastStep = step;
        stream.write(`${label}${PHASE[p.phase]} ${Math.round((p.bytesRead / Math.max(1, totalBytes)) * 100)}% 行 ${p.rowsRead} 接收 ${p.rowsOk} 拒收 ${p.rowsRejected}\n`);
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label}{phase} |{bar}| {percentage}% | {rows} 行 | 拒收 {rejected} | {eta_formatted}`, hideCursor: true, clearOnComplete: false, stream, fps: 5 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const payload = { phase: PHASE[p.phase], rows: p.rowsRead, rejected: p.rowsRejected };
      if (!started) {
        bar.start(Math.max(1, totalBytes), 0, payload);
        started = true;
      }
      bar.update(Math.min(p.bytesRead, totalBytes), payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

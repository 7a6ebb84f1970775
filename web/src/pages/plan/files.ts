/** Reading files in the browser: base64 for the plan import, checks before an attachment upload. */

/** Base64 of bytes, in chunks so a large file does not overflow the argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

export const PLAN_FILE = /\.(txt|docx)$/i;
export const ATTACHMENT_FILE = /\.(pdf|docx|xlsx|jpe?g|png)$/i;
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png';
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Why an attachment would be refused, or null (the server checks the content again). */
export function attachmentProblem(file: { name: string; size: number }): 'type' | 'size' | null {
  if (!ATTACHMENT_FILE.test(file.name)) return 'type';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'size';
  return null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

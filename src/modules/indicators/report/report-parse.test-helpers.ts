/** Test helpers: read a generated .docx back (text of word/document.xml by paragraph, embedded media). */
import JSZip from 'jszip';

export interface ParsedDocx {
  paragraphs: string[];
  text: string;
  media: { name: string; bytes: Uint8Array }[];
  xml: string;
  /** XML of the footers (page numbers) */
  footers: string;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export async function parseDocx(buf: Buffer): Promise<ParsedDocx> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(''));
  const media: ParsedDocx['media'] = [];
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))) media.push({ name, bytes: await zip.file(name)!.async('uint8array') });
  let footers = '';
  for (const name of Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n))) footers += await zip.file(name)!.async('string');
  return { paragraphs, text: paragraphs.join('\n'), media, xml, footers };
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const isPng = (b: Uint8Array) => PNG_SIGNATURE.every((x, i) => b[i] === x);

import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface PdfPageText {
  /** Page width in points. */
  width: number;
  /** The page's text, a line per baseline, top to bottom. */
  lines: string[];
  /** The right edge of the rightmost text on the page (points): beyond `width` means clipped. */
  right: number;
}

/**
 * The text of a PDF, page by page, read with Mozilla's PDF.js (pdfjs-dist). PDF.js is an ES module,
 * so it runs in a child Node process (jest's CommonJS runtime cannot load it).
 */
export function pdfText(pdf: Buffer | Uint8Array): Promise<PdfPageText[]> {
  const script = join(__dirname, '..', 'scripts', 'pdf-text.mjs');
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [script], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`PDF text extraction failed: ${stderr || error.message}`));
      resolve(JSON.parse(stdout) as PdfPageText[]);
    });
    child.stdin!.end(Buffer.from(pdf));
  });
}

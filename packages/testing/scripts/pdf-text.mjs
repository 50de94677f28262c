// Prints the text of a PDF (read from standard input) as JSON: one array of lines per page.
// Run as a child process by `pdfText` (src/pdf-text.ts): pdfjs-dist is an ES module that jest's
// CommonJS runtime cannot load.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
const pages = [];
for (let p = 1; p <= pdf.numPages; p++) {
  const page = await pdf.getPage(p);
  const content = await page.getTextContent();
  // Rebuild lines: items on the same baseline (y) join in x order.
  const rows = new Map();
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const y = Math.round(item.transform[5]);
    const row = rows.get(y) ?? [];
    row.push({ x: item.transform[4], str: item.str, width: item.width });
    rows.set(y, row);
  }
  const lines = [...rows.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, row]) => {
      row.sort((a, b) => a.x - b.x);
      let text = '';
      let end = null;
      for (const r of row) {
        if (end !== null && r.x - end > 1.5 && !text.endsWith(' ')) text += ' ';
        text += r.str;
        end = r.x + r.width;
      }
      return text.trim();
    });
  pages.push({
    width: page.view[2],
    lines,
    right: Math.max(0, ...content.items.filter((i) => 'str' in i && i.str).map((i) => i.transform[4] + i.width)),
  });
}
process.stdout.write(JSON.stringify(pages));

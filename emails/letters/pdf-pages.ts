/**
 * The page count of a PDF, read the way a PDF reader finds it: the trailer names the document catalog, the
 * catalog names the root of the page tree, and that node's /Count is the number of pages (ISO 32000-1, 7.5.5,
 * 7.7.2, 7.7.3.2). Objects are located through the cross-reference table, never by searching the file, so
 * bytes inside a compressed content stream can never be mistaken for an object.
 *
 * It reads classic cross-reference tables (with incremental updates via /Prev), which is what
 * @react-pdf/renderer (pdfkit) writes. A file that keeps its cross-references or the catalog in compressed
 * streams is refused rather than guessed at: a print manifest with a wrong page count misprices postage.
 */

/** Parses "N G obj" at a byte offset and returns the object's text up to "endobj". */
function objectAt(text: string, offset: number, number: number): string {
  const header = /(\d+)\s+(\d+)\s+obj\b/y;
  header.lastIndex = offset;
  const match = header.exec(text);
  if (!match || Number(match[1]) !== number) {
    throw new Error(`PDF cross-reference for object ${number} does not point at it`);
  }
  const end = text.indexOf("endobj", header.lastIndex);
  if (end < 0) throw new Error(`PDF object ${number} has no end`);
  return text.slice(header.lastIndex, end);
}

type XrefSection = { trailer: string; offsets: Map<number, number> };

function readXrefSection(text: string, offset: number): XrefSection {
  if (!text.startsWith("xref", offset)) {
    throw new Error("Unsupported PDF: its cross-references are in a stream (PDF 1.5+ compression)");
  }
  const offsets = new Map<number, number>();
  let position = offset + "xref".length;
  const subsection = /\s*(\d+)\s+(\d+)\s*?(?:\r\n|\r|\n)/y;
  // Each entry is "oooooooooo ggggg n" plus a two-byte end of line (7.5.4); be lenient about that end.
  const entry = /(\d{10})\s(\d{5})\s([nf])\s{0,2}/y;
  for (;;) {
    const trailerAt = /\s*trailer/y;
    trailerAt.lastIndex = position;
    if (trailerAt.test(text)) {
      position = trailerAt.lastIndex;
      break;
    }
    subsection.lastIndex = position;
    const head = subsection.exec(text);
    if (!head) throw new Error("Malformed PDF cross-reference table");
    position = subsection.lastIndex;
    const first = Number(head[1]);
    const count = Number(head[2]);
    for (let i = 0; i < count; i++) {
      entry.lastIndex = position;
      const row = entry.exec(text);
      if (!row) throw new Error("Malformed PDF cross-reference entry");
      position = entry.lastIndex;
      if (row[3] === "n") offsets.set(first + i, Number(row[1]));
    }
  }
  const end = text.indexOf("startxref", position);
  return { trailer: text.slice(position, end < 0 ? undefined : end), offsets };
}

function reference(dictionary: string, key: string): number | undefined {
  // The key must end there: "/Pages" must not match "/PageLabels" or "/PagesX".
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dictionary);
  return match ? Number(match[1]) : undefined;
}

export function countPdfPages(pdf: Uint8Array): number {
  // latin1 maps each byte to one character, so string offsets are byte offsets.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  if (!text.startsWith("%PDF-")) throw new Error("Not a PDF file");
  const tail = text.slice(-2048);
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) throw new Error("PDF has no startxref");

  // Newest section first: an object's first offset seen is its current version.
  const offsets = new Map<number, number>();
  let root: number | undefined;
  const visited = new Set<number>();
  let next: number | undefined = Number(start[1]);
  while (next !== undefined) {
    if (visited.has(next) || next >= text.length) throw new Error("Malformed PDF cross-reference chain");
    visited.add(next);
    const section = readXrefSection(text, next);
    for (const [number, at] of section.offsets) if (!offsets.has(number)) offsets.set(number, at);
    root ??= reference(section.trailer, "Root");
    const prev = /\/Prev\s+(\d+)/.exec(section.trailer);
    next = prev ? Number(prev[1]) : undefined;
  }
  if (root === undefined) throw new Error("PDF trailer names no catalog");

  const find = (number: number): string => {
    const at = offsets.get(number);
    if (at === undefined) throw new Error(`Unsupported PDF: object ${number} is compressed or missing`);
    return objectAt(text, at, number);
  };
  const pagesNumber = reference(find(root), "Pages");
  if (pagesNumber === undefined) throw new Error("PDF catalog has no page tree");
  const pages = find(pagesNumber);
  const count = /\/Count\s+(\d+)/.exec(pages);
  if (!/\/Type\s*\/Pages\b/.test(pages) || !count) throw new Error("PDF page tree root has no /Count");
  return Number(count[1]);
}

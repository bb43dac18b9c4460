/** Recognising what a file is from its first bytes, and turning CSV bytes into text chunk by chunk. */
import { StringDecoder } from "node:string_decoder";

import { ImportFileError } from "./errors";
import type { TextEncoding } from "./types";

export function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

function startsWith(b: Uint8Array, bytes: number[]): boolean {
  return b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
}

const SAVE_AS_CSV = 'save it as "CSV UTF-8" (or .xlsx) and upload it again';

/**
 * Rejects files that are not text at all, or text we refuse to guess at (UTF-16). Called on the head of a file
 * that is not a ZIP.
 */
export function rejectNonText(head: Uint8Array): void {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    throw new ImportFileError("utf16", `The file is saved as UTF-16 ("Unicode text"); ${SAVE_AS_CSV}.`);
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new ImportFileError(
      "legacy_xls",
      "The file is an old-format Excel workbook (.xls) or a password-protected workbook; save it as .xlsx " +
        "without a password, or as CSV, and upload it again.",
    );
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) {
    throw new ImportFileError(
      "not_text",
      "The file is a PDF document, not a spreadsheet; upload a .csv or .xlsx file.",
    );
  }
  if (startsWith(head, [0x1f, 0x8b])) {
    throw new ImportFileError("not_text", "The file is compressed (gzip); extract the CSV from it and upload that.");
  }
  const n = Math.min(head.length, 8192);
  let nulEven = 0;
  let nulOdd = 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if (c === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11 && c !== 26 && c !== 27) {
      controls++;
    }
  }
  const pairs = Math.floor(n / 2);
  // ASCII text saved as UTF-16 has a zero byte in every other position.
  if (pairs > 0 && (nulOdd > pairs * 0.3 || nulEven > pairs * 0.3) && Math.min(nulOdd, nulEven) < pairs * 0.05) {
    throw new ImportFileError("utf16", `The file is saved as UTF-16 ("Unicode text"); ${SAVE_AS_CSV}.`);
  }
  if (nulOdd + nulEven > 0 || controls > n * 0.01) {
    throw new ImportFileError(
      "not_text",
      "The file is not a CSV or Excel file (it contains binary data); upload a .csv or .xlsx file.",
    );
  }
}

/**
 * UTF-8 when the head is valid UTF-8 (pure ASCII included), else Windows-1252. A multi-byte character cut off at
 * the end of the head does not count against UTF-8.
 */
export function detectEncoding(head: Uint8Array, eof: boolean): TextEncoding {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: !eof });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

// Windows-1252 differs from ISO-8859-1 only in 0x80–0x9F; the five bytes it leaves undefined map to themselves.
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
const C1_RANGE = /[\u0080-\u009f]/g;

function decodeCp1252(b: Buffer): string {
  const s = b.toString("latin1");
  C1_RANGE.lastIndex = 0;
  if (!C1_RANGE.test(s)) return s;
  return s.replace(C1_RANGE, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]!);
}

export type ChunkDecoder = {
  /** Text of these bytes; a multi-byte character cut at the end is held for the next call. */
  write(b: Buffer): string;
  /** Whatever was held back (an incomplete character becomes U+FFFD). */
  end(): string;
};

/** A streaming decoder that drops a leading UTF-8 byte-order mark. */
export function createDecoder(encoding: TextEncoding): ChunkDecoder {
  let first = true;
  const stripBom = (s: string, bom: string): string => {
    if (!first || s.length === 0) return s;
    first = false;
    return s.startsWith(bom) ? s.slice(bom.length) : s;
  };
  if (encoding === "utf-8") {
    const d = new StringDecoder("utf8");
    return {
      write: (b) => stripBom(d.write(b), "\uFEFF"),
      end: () => stripBom(d.end(), "\uFEFF"),
    };
  }
  // A UTF-8 BOM in a file read as Windows-1252 decodes to these three characters; it is never data.
  return { write: (b) => stripBom(decodeCp1252(b), "\u00EF\u00BB\u00BF"), end: () => "" };
}

export function byteLengthFor(encoding: TextEncoding): (s: string) => number {
  return encoding === "utf-8" ? (s) => Buffer.byteLength(s, "utf8") : (s) => s.length;
}

/**
 * The print batch handed to a mail house: one PDF per letter plus a manifest of recipients and page counts
 * (page counts drive postage and inserting), zipped into one file.
 */
import { countPdfPages, type PostalAddress } from "@/emails/letters";
import { buildZip } from "./zip";

export type PrintBatchItem = { id: string; pdf: Buffer; recipient: PostalAddress };

export const MANIFEST_COLUMNS = [
  "letter_id",
  "file",
  "name",
  "line1",
  "line2",
  "city",
  "state",
  "postal_code",
  "pages",
] as const;

/**
 * An id becomes a file name inside the archive, so it may not carry a path ("../x", "a/b") or start with a dot:
 * an unzip tool would write such an entry outside the folder the mail house extracts into.
 */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** RFC 4180: quote a field holding a comma, quote or line break (or edge spaces some readers trim), doubling quotes. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function buildManifest(rows: readonly (readonly string[])[]): string {
  // CRLF line ends, as RFC 4180 specifies and spreadsheet imports at mail houses expect.
  return [MANIFEST_COLUMNS, ...rows].map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

export async function buildPrintBatch(
  items: readonly PrintBatchItem[],
  options: { createdAt?: Date } = {},
): Promise<Buffer> {
  const seen = new Set<string>();
  const rows: string[][] = [];
  const files: { name: string; data: Uint8Array }[] = [];
  for (const item of items) {
    if (!SAFE_ID.test(item.id)) throw new Error(`Letter id ${JSON.stringify(item.id)} cannot be a file name`);
    if (seen.has(item.id)) throw new Error(`Letter ${item.id} is in the batch twice`);
    seen.add(item.id);
    const file = `${item.id}.pdf`;
    // Counting pages also proves each file is a readable PDF before it reaches the printer.
    const pages = countPdfPages(item.pdf);
    const r = item.recipient;
    rows.push([item.id, file, r.name, r.line1, r.line2 ?? "", r.city, r.state, r.postalCode, String(pages)]);
    files.push({ name: file, data: item.pdf });
  }
  files.push({ name: "manifest.csv", data: Buffer.from(buildManifest(rows), "utf8") });
  return await buildZip(files, options.createdAt ?? new Date());
}

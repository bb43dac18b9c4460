import JSZip from "jszip";
import { getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { countPdfPages, renderLetterPdf } from "@/emails/letters";
import { buildManifest, buildPrintBatch, csvField } from "./batch";
import { consumer, sampleLetter, sampleNotice, samplePlan } from "./fixtures";

/** A small PDF written by hand (not by react-pdf), with offsets computed the way the xref table needs them. */
function handMadePdf(objects: string[], extra: (body: string, xrefAt: number) => string = () => ""): Buffer {
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\r\n0 ${objects.length + 1}\r\n0000000000 65535 f\r\n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n\r\n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body + extra(body, xrefAt), "latin1");
}

const catalogAndPages = (count: number) => [
  "<< /Type /Catalog /Pages 2 0 R /PageLabels << /Nums [0 << /S /D >>] >> >>",
  `<< /Type /Pages /Kids [] /Count ${count} >>`,
];

describe("countPdfPages", () => {
  it("reads /Count of the page tree through the cross-reference table", () => {
    expect(countPdfPages(handMadePdf(catalogAndPages(3)))).toBe(3);
  });

  it("follows an incremental update to the newest page tree", () => {
    const pdf = handMadePdf(catalogAndPages(2), (body, previousXref) => {
      const objectAt = body.length;
      const update = `2 0 obj\n<< /Type /Pages /Kids [] /Count 5 >>\nendobj\n`;
      const xrefAt = body.length + update.length;
      return (
        update +
        `xref\n2 1\n${String(objectAt).padStart(10, "0")} 00000 n \n` +
        `trailer\n<< /Size 3 /Root 1 0 R /Prev ${previousXref} >>\nstartxref\n${xrefAt}\n%%EOF\n`
      );
    });
    expect(countPdfPages(pdf)).toBe(5);
  });

  it("refuses what it cannot read rather than guessing", () => {
    expect(() => countPdfPages(Buffer.from("PK\u0003\u0004 not a pdf"))).toThrow(/Not a PDF/);
    expect(() => countPdfPages(Buffer.from("%PDF-1.7\n1 0 obj\n<< >>\nendobj\n"))).toThrow(/startxref/);
    const streamXref = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /XRef >>\nendobj\nstartxref\n9\n%%EOF\n", "latin1");
    expect(() => countPdfPages(streamXref)).toThrow(/stream/);
  });
});

describe("CSV fields", () => {
  it("quotes only what needs quoting and doubles quotes", () => {
    expect(csvField("Dana Okafor")).toBe("Dana Okafor");
    expect(csvField("Okafor, Dana")).toBe('"Okafor, Dana"');
    expect(csvField('Dana "D" Okafor')).toBe('"Dana ""D"" Okafor"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("")).toBe("");
    expect(buildManifest([])).toBe("letter_id,file,name,line1,line2,city,state,postal_code,pages\r\n");
  });
});

describe("buildPrintBatch", () => {
  let notice: Buffer;
  let letter: Buffer;
  let plan: Buffer;
  beforeAll(async () => {
    [notice, letter, plan] = await Promise.all([
      renderLetterPdf({ kind: "validation_notice", props: sampleNotice() }),
      renderLetterPdf({ kind: "letter", props: sampleLetter() }),
      renderLetterPdf({ kind: "plan_agreement", props: samplePlan() }),
    ]);
  });

  it("counts react-pdf's pages as a PDF reader does", async () => {
    for (const pdf of [notice, letter, plan]) {
      const reader = await getDocumentProxy(new Uint8Array(pdf));
      expect(countPdfPages(pdf)).toBe(reader.numPages);
    }
    expect(countPdfPages(notice)).toBe(2);
  });

  it("zips one PDF per letter and a manifest of recipients and pages", async () => {
    const okafor = { ...consumer, name: 'Okafor, Dana "Dee"' };
    const ruiz = { name: "José Ruiz", line1: "14 Elm Road", city: "Austin", state: "TX", postalCode: "78701" };
    const zipped = await buildPrintBatch(
      [
        { id: "ltr_001", pdf: notice, recipient: okafor },
        { id: "ltr_002", pdf: letter, recipient: ruiz },
        { id: "3f2b9c1e-7a4d-4e0b-9a51-0c2d5b8e6f10", pdf: plan, recipient: consumer },
      ],
      { createdAt: new Date(Date.UTC(2026, 2, 2, 14, 30, 10)) },
    );
    const zip = await JSZip.loadAsync(zipped);
    expect(Object.keys(zip.files)).toEqual([
      "ltr_001.pdf",
      "ltr_002.pdf",
      "3f2b9c1e-7a4d-4e0b-9a51-0c2d5b8e6f10.pdf",
      "manifest.csv",
    ]);

    const manifest = await zip.file("manifest.csv")!.async("string");
    expect(manifest.split("\r\n")).toEqual([
      "letter_id,file,name,line1,line2,city,state,postal_code,pages",
      'ltr_001,ltr_001.pdf,"Okafor, Dana ""Dee""",2323 Park Street,Apartment 342,Bethesda,MD,20815,2',
      "ltr_002,ltr_002.pdf,José Ruiz,14 Elm Road,,Austin,TX,78701,1",
      "3f2b9c1e-7a4d-4e0b-9a51-0c2d5b8e6f10,3f2b9c1e-7a4d-4e0b-9a51-0c2d5b8e6f10.pdf,Dana Okafor,2323 Park Street,Apartment 342,Bethesda,MD,20815,1",
      "",
    ]);

    const originals: Record<string, Buffer> = {
      "ltr_001.pdf": notice,
      "ltr_002.pdf": letter,
      "3f2b9c1e-7a4d-4e0b-9a51-0c2d5b8e6f10.pdf": plan,
    };
    for (const [name, original] of Object.entries(originals)) {
      const bytes = Buffer.from(await zip.file(name)!.async("uint8array"));
      expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
      expect(bytes.equals(original)).toBe(true);
    }
    expect(zip.files["manifest.csv"]!.date.toISOString()).toBe("2026-03-02T14:30:10.000Z");
  });

  it("makes an empty batch of just the manifest header", async () => {
    const zip = await JSZip.loadAsync(await buildPrintBatch([]));
    expect(Object.keys(zip.files)).toEqual(["manifest.csv"]);
  });

  it("refuses ids that are not safe file names, duplicates and files that are not PDFs", async () => {
    for (const id of ["../etc/passwd", "a/b", ".hidden", "", "x y"]) {
      await expect(buildPrintBatch([{ id, pdf: letter, recipient: consumer }])).rejects.toThrow(
        /cannot be a file name/,
      );
    }
    await expect(
      buildPrintBatch([
        { id: "same", pdf: letter, recipient: consumer },
        { id: "same", pdf: plan, recipient: consumer },
      ]),
    ).rejects.toThrow(/twice/);
    await expect(
      buildPrintBatch([{ id: "bad", pdf: Buffer.from("<html></html>"), recipient: consumer }]),
    ).rejects.toThrow(/Not a PDF/);
  });
});

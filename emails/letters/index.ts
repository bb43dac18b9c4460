/**
 * Recoup's printed letters, rendered to PDF with @react-pdf/renderer and the standard Helvetica fonts (offline:
 * no font files, no network). Domain code calls renderLetterPdf; it never imports React.
 */
import { renderToBuffer } from "@react-pdf/renderer";
import { letterDocument } from "./document";
import { countPdfPages } from "./pdf-pages";
import type { Letter } from "./types";
import { validateLetter } from "./validate";
import { expectedNoticePages } from "./validation-notice";

export type {
  Collector,
  GenericLetterProps,
  Letter,
  MoneyValue,
  PlanAgreementLetterProps,
  PostalAddress,
  ValidationNoticeLetterProps,
} from "./types";
export { formatLetterDate, formatMoney } from "./format";
export { countPdfPages } from "./pdf-pages";

/**
 * Body sizes tried for the validation notice, largest first. The model form puts the notice and its tear-off on
 * one sheet (Reg F 1006.34(c)(4) response section "segregated" from the rest); long names, addresses or a
 * Spanish text can overflow it, so a smaller size is tried before the tear-off is allowed onto its own page.
 */
const NOTICE_FONT_SIZES = [9, 8.5, 8] as const;

/** The letter as a PDF file. Rejects a letter whose dates or figures are invalid or do not add up. */
export async function renderLetterPdf(letter: Letter): Promise<Buffer> {
  validateLetter(letter);
  if (letter.kind !== "validation_notice") return renderToBuffer(letterDocument(letter, NOTICE_FONT_SIZES[0]));
  const pages = expectedNoticePages(letter.props);
  let pdf: Buffer | undefined;
  for (const size of NOTICE_FONT_SIZES) {
    pdf = await renderToBuffer(letterDocument(letter, size));
    if (countPdfPages(pdf) <= pages) return pdf;
  }
  // Still too long at the smallest size: send it with the tear-off on its own page rather than not at all.
  if (!pdf) throw new Error("No notice font size configured");
  return pdf;
}

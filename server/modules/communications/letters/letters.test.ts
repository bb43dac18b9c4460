import { extractText, getDocumentProxy } from "unpdf";
import { afterEach, describe, expect, it } from "vitest";
import { countPdfPages, formatLetterDate, formatMoney, renderLetterPdf } from "@/emails/letters";
import { collector, consumer, ROSENTHAL, sampleLetter, sampleNotice, samplePlan, usd } from "./fixtures";

/** The text of each page, with runs of whitespace (line wraps included) folded to one space. */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " ").trim());
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe("formatting for print", () => {
  it("formats integer minor units without floating point", () => {
    expect(formatMoney(usd(223450))).toBe("$2,234.50");
    expect(formatMoney(usd(0))).toBe("$0.00");
    expect(formatMoney(usd(5))).toBe("$0.05");
    expect(formatMoney(usd(100))).toBe("$1.00");
    expect(formatMoney(usd(123456789012))).toBe("$1,234,567,890.12");
    expect(formatMoney(usd(-5000))).toBe("-$50.00");
    expect(() => formatMoney(usd(1.5))).toThrow(/whole number/);
    expect(() => formatMoney({ minor: 100, currency: "XYZ" })).toThrow(/XYZ/);
  });

  it("writes dates from their digits in English and Spanish", () => {
    expect(formatLetterDate("2026-04-08", "en")).toBe("April 8, 2026");
    expect(formatLetterDate("2026-04-08", "es")).toBe("8 de abril de 2026");
    expect(formatLetterDate("2025-12-31", "en")).toBe("December 31, 2025");
    expect(formatLetterDate("2024-02-29", "es")).toBe("29 de febrero de 2024");
    expect(() => formatLetterDate("2025-02-29", "en")).toThrow(/calendar date/);
    expect(() => formatLetterDate("2026-13-01", "en")).toThrow(/calendar date/);
    expect(() => formatLetterDate("4/8/2026", "en")).toThrow(/YYYY-MM-DD/);
  });
});

describe("validation notice (Model Form B-1)", () => {
  it("prints the model form's wording with the CFPB sample figures", async () => {
    const pdf = await renderLetterPdf({ kind: "validation_notice", props: sampleNotice() });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(2);
    const front = pages[0]!;

    expect(front).toContain(
      "Harbor Point Recovery is a debt collector. We are trying to collect a debt that you owe to Bank of Rockville. We will use any information you give us to help collect the debt.",
    );
    expect(front).toContain("Our information shows:");
    expect(front).toContain("You had an account from Bank of Rockville with account number XXXX-6789.");
    expect(front).toContain("As of June 30, 2025, you owed: $2,234.50");
    expect(front).toContain("Between June 30, 2025 and today:");
    expect(front).toContain("You were charged this amount in interest: + $75.00");
    expect(front).toContain("You were charged this amount in fees: + $25.00");
    expect(front).toContain("You paid or were credited this amount toward the debt: – $50.00");
    expect(front).toContain("Total amount of the debt now: $2,284.50");

    expect(front).toContain("How can you dispute the debt?");
    expect(front).toContain(
      "Call or write to us by April 8, 2026, to dispute all or part of the debt. If you do not, we will assume that our information is correct.",
    );
    expect(front).toContain(
      "If you write to us by April 8, 2026, we must stop collection on any amount you dispute until we send you information that shows you owe the debt. You may use the form below or write to us without the form. You may also include supporting documents. We accept disputes electronically at disputes@harborpoint.example.",
    );
    expect(front).toContain("What else can you do?");
    expect(front).toContain(
      "Write to ask for the name and address of the original creditor, if different from the current creditor. If you write by April 8, 2026, we must stop collection until we send you that information.",
    );
    expect(occurrences(front, "April 8, 2026")).toBeGreaterThanOrEqual(3);
    expect(front).toContain("Go to www.cfpb.gov/debt-collection to learn more about your rights under federal law.");
    expect(front).toContain("Póngase en contacto con nosotros para solicitar una copia de este formulario en español");
    expect(front).toContain("Call us at (800) 555-0142, 8 a.m. to 8 p.m. ET, Monday to Saturday.");
    expect(front).toContain("Visit www.harborpoint.example.");
    expect(front).toContain("March 2, 2026");

    // The tear-off is on the front page with everything above it (1006.34(c)(4)).
    expect(front).toContain("How do you want to respond?");
    expect(front).toContain("Check all that apply:");
    expect(front).toContain("I want to dispute the debt because I think:");
    expect(front).toContain("This is not my debt.");
    expect(front).toContain("The amount is wrong.");
    expect(front).toContain("Other (please describe on reverse or attach additional information).");
    expect(front).toContain("I want you to send me the name and address of the original creditor.");
    expect(front).toContain("I enclosed this amount: $");
    expect(front).toContain("Quiero esta forma en español.");
    expect(front).toContain("Mail this form to: Harbor Point Recovery PO Box 4410 Pasadena, CA 91109-4410");
    expect(front).toContain("Dana Okafor 2323 Park Street Apartment 342 Bethesda, MD 20815");
    expect(occurrences(front, "Harbor Point Recovery")).toBeGreaterThanOrEqual(3);
    expect(occurrences(front, "Dana Okafor")).toBe(2);

    // State disclosures on the later page, not the front.
    expect(front).not.toContain("Rosenthal");
    expect(pages[1]).toContain("Additional information");
    expect(pages[1]).toContain(ROSENTHAL);
  });

  it("leaves out the optional sentences and the extra page when they do not apply", async () => {
    const pdf = await renderLetterPdf({
      kind: "validation_notice",
      props: sampleNotice({
        consumerFinancialProduct: false,
        spanishOffer: false,
        stateDisclosures: [],
        collector: { ...collector, disputeEmail: undefined, website: undefined },
      }),
    });
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(1);
    expect(countPdfPages(pdf)).toBe(1);
    const front = pages[0]!;
    expect(front).not.toContain("cfpb.gov");
    expect(front).not.toContain("español");
    expect(front).not.toContain("electronically");
    expect(front).not.toContain("Additional information");
    expect(front).toContain("How do you want to respond?");
  });

  it("prints the Spanish model wording", async () => {
    const pdf = await renderLetterPdf({ kind: "validation_notice", props: sampleNotice({ language: "es" }) });
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(2);
    const front = pages[0]!;
    expect(front).toContain(
      "Harbor Point Recovery es un cobrador de deudas. Estamos tratando de cobrar una deuda que usted le debe a Bank of Rockville. Usaremos cualquier información que usted nos dé para ayudar a cobrar la deuda.",
    );
    expect(front).toContain("Nuestra información indica:");
    expect(front).toContain("Al 30 de junio de 2025, usted debía: $2,234.50");
    expect(front).toContain("Entre el 30 de junio de 2025 y hoy:");
    expect(front).toContain("Se le cobró esta cantidad en intereses: + $75.00");
    expect(front).toContain("Usted pagó o se le acreditó esta cantidad a la deuda: – $50.00");
    expect(front).toContain("Cantidad total de la deuda ahora: $2,284.50");
    expect(front).toContain("¿Cómo puede disputar la deuda?");
    expect(front).toContain(
      "Llámenos o escríbanos a más tardar el 8 de abril de 2026 para disputar toda la deuda o parte de ella.",
    );
    expect(occurrences(front, "8 de abril de 2026")).toBeGreaterThanOrEqual(3);
    expect(front).toContain("¿Qué más puede hacer?");
    expect(front).toContain("2 de marzo de 2026");
    expect(front).toContain("¿Cómo desea responder?");
    expect(front).toContain("Esta no es mi deuda.");
    expect(front).toContain("La cantidad es incorrecta.");
    expect(front).toContain("Quiero que me envíen el nombre y la dirección del acreedor original.");
    expect(front).toContain("Envíe este formulario por correo a:");
    // The Spanish model has no offer of a Spanish copy, even when the collector makes that offer in English.
    expect(front).not.toContain("Quiero esta forma en español.");
    expect(front).not.toContain("Póngase en contacto");
    expect(pages[1]).toContain("Información adicional");
  });

  it("refuses an itemization that does not add up to the current amount", async () => {
    await expect(
      renderLetterPdf({ kind: "validation_notice", props: sampleNotice({ currentAmount: usd(228449) }) }),
    ).rejects.toThrow(/sums to \$2,284\.50 but the current amount is \$2,284\.49/);
    await expect(
      renderLetterPdf({ kind: "validation_notice", props: sampleNotice({ feesSince: usd(-2500) }) }),
    ).rejects.toThrow(/cannot be negative/);
    await expect(
      renderLetterPdf({
        kind: "validation_notice",
        props: sampleNotice({ feesSince: { minor: 2500, currency: "CAD" } }),
      }),
    ).rejects.toThrow(/CAD/);
    await expect(
      renderLetterPdf({ kind: "validation_notice", props: sampleNotice({ validationEndsOn: "2026-02-30" }) }),
    ).rejects.toThrow(/Not a calendar date/);
  });

  it("keeps the tear-off on the front page with long names and addresses", async () => {
    const long = "Consolidated Northern Receivables Management Partners of America LLC";
    const pdf = await renderLetterPdf({
      kind: "validation_notice",
      props: sampleNotice({
        language: "es",
        currentCreditor: long,
        creditorOnItemizationDate: long,
        collector: {
          ...collector,
          name: long,
          licenseNumbers: [
            { state: "CA", number: "10592-99" },
            { state: "NYC DCWP", number: "2091234-DCA" },
          ],
        },
        consumer: { ...consumer, name: "María Fernanda Gutiérrez de la Concepción Santos" },
      }),
    });
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain("¿Cómo desea responder?");
    expect(pages[0]).toContain("María Fernanda Gutiérrez de la Concepción Santos");
  });
});

describe("business letters", () => {
  it("prints the generic letter's paragraphs, closing and contact details", async () => {
    const pdf = await renderLetterPdf({ kind: "letter", props: sampleLetter() });
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    for (const paragraph of sampleLetter().paragraphs) expect(text).toContain(paragraph);
    expect(text).toContain("About your account");
    expect(text).toContain("Reference: XXXX-6789");
    expect(text).toContain("March 2, 2026");
    expect(text).toContain("Sincerely, Account Services");
    expect(text).toContain("Dana Okafor 2323 Park Street Apartment 342 Bethesda, MD 20815");
    expect(text).toContain("(800) 555-0142");
    expect(text).toContain("CA license no. 10592-99");
    expect(text).toContain("Page 1 of 1");
  });

  it("prints the plan agreement's schedule and total", async () => {
    const pdf = await renderLetterPdf({ kind: "plan_agreement", props: samplePlan() });
    const [text] = await pageTexts(pdf);
    expect(text).toContain("Payment plan agreement");
    expect(text).toContain("This confirms the payment plan we agreed on March 2, 2026.");
    expect(text).toContain("Total of the plan: $2,284.50");
    expect(text).toContain("Payments: Monthly");
    expect(text).toContain("Number of payments: 3");
    expect(text).toContain("No. Due date Amount");
    expect(text).toContain("1 April 15, 2026 $761.50");
    expect(text).toContain("2 May 15, 2026 $761.50");
    expect(text).toContain("3 June 15, 2026 $761.50");
    expect(text).toContain("Total $2,284.50");
    expect(text).toContain("Signature");
  });

  it("repeats the schedule headings on every page of a long plan, in Spanish", async () => {
    const installments = Array.from({ length: 48 }, (_, i) => ({
      dueOn: `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
      amount: usd(5000),
    }));
    const pdf = await renderLetterPdf({
      kind: "plan_agreement",
      props: samplePlan({ language: "es", frequency: "biweekly", installments, total: usd(240000) }),
    });
    const pages = await pageTexts(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(countPdfPages(pdf)).toBe(pages.length);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain("N.º Fecha de vencimiento Cantidad");
      expect(page).toContain(`Página ${i + 1} de ${pages.length}`);
    }
    expect(pages[0]).toContain("Acuerdo de plan de pagos");
    expect(pages[0]).toContain("Pagos: Cada dos semanas");
    expect(pages[0]).toContain("1 1 de enero de 2026 $50.00");
    expect(pages.at(-1)).toContain("48 1 de diciembre de 2029 $50.00");
    expect(pages.at(-1)).toContain("Total $2,400.00");
    expect(pages.at(-1)).toContain("Firma");
  });

  it("refuses a schedule that does not add up to the plan total", async () => {
    await expect(
      renderLetterPdf({ kind: "plan_agreement", props: samplePlan({ total: usd(228451) }) }),
    ).rejects.toThrow(/installments sum to \$2,284\.50 but the plan total is \$2,284\.51/);
    await expect(renderLetterPdf({ kind: "plan_agreement", props: samplePlan({ installments: [] }) })).rejects.toThrow(
      /at least one installment/,
    );
  });
});

describe("time zones", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it("renders the same text whatever the machine's time zone", async () => {
    const render = async (tz: string) => {
      process.env.TZ = tz;
      const offset = new Date(Date.UTC(2026, 3, 8, 0, 30)).getDate();
      const letters = await Promise.all([
        renderLetterPdf({ kind: "validation_notice", props: sampleNotice() }),
        renderLetterPdf({ kind: "plan_agreement", props: samplePlan({ language: "es" }) }),
      ]);
      return { offset, texts: await Promise.all(letters.map(pageTexts)) };
    };
    const west = await render("Pacific/Honolulu");
    const east = await render("Asia/Tokyo");
    // The zones really differ (the same instant is April 7 in Honolulu and April 8 in Tokyo) ...
    expect([west.offset, east.offset]).toEqual([7, 8]);
    // ... and the letters do not.
    expect(west.texts).toEqual(east.texts);
    expect(west.texts[0]![0]).toContain("April 8, 2026");
    expect(west.texts[0]![0]).toContain("June 30, 2025");
  });
});

describe("consumer block", () => {
  it("omits an empty second address line", async () => {
    const pdf = await renderLetterPdf({
      kind: "letter",
      props: sampleLetter({ consumer: { ...consumer, line2: " " } }),
    });
    const [text] = await pageTexts(pdf);
    expect(text).toContain("Dana Okafor 2323 Park Street Bethesda, MD 20815");
  });
});

import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export type EmailSender = {
  name: string;
  addressLine?: string;
  phone?: string;
  website?: string;
};

/** A run of text, or a link (templates are written as text; a reader expects its URLs as links). */
export type EmailPart = string | { href: string; text: string };

export type CollectionEmailProps = {
  language: "en" | "es";
  subject: string;
  /** The template's paragraphs, each a list of parts (plain text: React escapes it). */
  paragraphs: EmailPart[][];
  sender: EmailSender;
};

function parts(paragraph: EmailPart[]): ReactNode[] {
  return paragraph.map((part, i) =>
    typeof part === "string" ? (
      part
    ) : (
      <Link key={i} href={part.href} style={{ color: "#1d4ed8" }}>
        {part.text}
      </Link>
    ),
  );
}

/**
 * The one layout of Recoup's emails: the sender's name, the template's paragraphs, and the sender's contact
 * details. It adds nothing the compliance lint must see (opt-out, disclosures): those are the template's own.
 */
export function CollectionEmail({ language, subject, paragraphs, sender }: CollectionEmailProps) {
  return (
    <Html lang={language}>
      <Head>
        <title>{subject}</title>
      </Head>
      <Preview>{subject}</Preview>
      <Body
        style={{ backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}
      >
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 8, maxWidth: 560, padding: "24px 32px" }}>
          <Text style={{ fontSize: 18, fontWeight: 700, margin: "0 0 16px" }}>{sender.name}</Text>
          <Section>
            {paragraphs.map((p, i) => (
              <Text key={i} style={{ fontSize: 15, lineHeight: "22px", margin: "0 0 14px", whiteSpace: "pre-line" }}>
                {parts(p)}
              </Text>
            ))}
          </Section>
          <Hr style={{ borderColor: "#e4e4e7", margin: "20px 0" }} />
          <Text style={{ color: "#52525b", fontSize: 12, lineHeight: "18px", margin: 0 }}>
            {sender.name}
            {sender.addressLine ? ` · ${sender.addressLine}` : ""}
            {sender.phone ? ` · ${sender.phone}` : ""}
            {sender.website ? (
              <>
                {" · "}
                <Link href={sender.website} style={{ color: "#52525b" }}>
                  {sender.website}
                </Link>
              </>
            ) : null}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

CollectionEmail.PreviewProps = {
  language: "en",
  subject: "About your account MHF-7132934932",
  paragraphs: [
    ["Hello Dana,"],
    ["This communication is from a debt collector. Your balance with Meridian Home Furnishings is $437.90."],
    [
      "To stop emails to this address: ",
      { href: "https://recoup.example/api/unsubscribe/example", text: "unsubscribe" },
    ],
  ],
  sender: { name: "ACME Recovery", addressLine: "PO Box 1, Springfield, IL 62701", phone: "1-800-555-1212" },
} satisfies CollectionEmailProps;

/**
 * A plain business letter: letterhead, date, the consumer's address in the envelope window, reference, title,
 * the template's paragraphs and closing lines, and the collector's contact details at the foot of every page.
 */
import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { formatLetterDate } from "./format";
import { LETTER_COPY, type LetterCopy } from "./letter-copy";
import { baseStyles, ContactFooter, FONT, LetterHeader } from "./parts";
import type { Collector, GenericLetterProps, PostalAddress } from "./types";

export const letterStyles = StyleSheet.create({
  // Room at the foot for the contact footer, which repeats on every page.
  page: { ...baseStyles.page, paddingBottom: 64 },
  // Line height lives on the body, not the page: react-pdf resolves a unitless lineHeight against the font size
  // of the element that declares it, and a page-level one makes the footer's page-number text vanish.
  body: { fontSize: 10.5, lineHeight: 1.4 },
  reference: { marginBottom: 12 },
  title: { fontFamily: FONT.bold, fontSize: 12.5, marginBottom: 12 },
  paragraph: { marginBottom: 9 },
  closing: { marginTop: 8 },
});

/** The first-page header every business letter shares; the date sits top right, outside both windows. */
function BusinessLetterHeader({
  collector,
  consumer,
  date,
  language,
}: {
  collector: Collector;
  consumer: PostalAddress;
  date: string;
  language: "en" | "es";
}) {
  return (
    <LetterHeader collector={collector} consumer={consumer} right={<Text>{formatLetterDate(date, language)}</Text>} />
  );
}

function Reference({ copy, reference }: { copy: LetterCopy; reference: string }) {
  return (
    <Text style={letterStyles.reference}>
      <Text style={baseStyles.bold}>{copy.reference}</Text> {reference}
    </Text>
  );
}

type FrameProps = Pick<GenericLetterProps, "collector" | "consumer" | "date" | "language" | "reference"> & {
  title: string;
  paragraphs: readonly string[];
  children?: ReactNode;
};

/**
 * Every business letter: the document, its first-page header, reference, title and paragraphs, then what the
 * letter adds (`children`), with the contact footer on every page.
 */
export function BusinessLetter(props: FrameProps) {
  const copy = LETTER_COPY[props.language];
  return (
    <Document
      title={props.title}
      author={props.collector.name}
      creator="Recoup"
      producer="Recoup"
      language={props.language}
    >
      <Page size="LETTER" style={letterStyles.page}>
        <View style={letterStyles.body}>
          <BusinessLetterHeader
            collector={props.collector}
            consumer={props.consumer}
            date={props.date}
            language={props.language}
          />
          <Reference copy={copy} reference={props.reference} />
          <Text style={letterStyles.title}>{props.title}</Text>
          {props.paragraphs.map((text, i) => (
            <Text key={i} style={letterStyles.paragraph}>
              {text}
            </Text>
          ))}
          {props.children}
        </View>
        <ContactFooter collector={props.collector} license={copy.license} page={copy.page} />
      </Page>
    </Document>
  );
}

export function GenericLetter(props: GenericLetterProps) {
  return (
    <BusinessLetter {...props}>
      {props.closing && props.closing.length > 0 ? (
        // Kept together so a signature never lands alone at the top of a page.
        <View style={letterStyles.closing} wrap={false}>
          {props.closing.map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
        </View>
      ) : null}
    </BusinessLetter>
  );
}

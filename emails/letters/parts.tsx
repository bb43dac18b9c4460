/**
 * Pieces every printed letter shares: the page geometry, the letterhead and window-envelope address block, the
 * drawn check box and the contact footer. Everything uses the PDF standard Helvetica fonts, so rendering needs
 * no font files and no network.
 */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { addressLines } from "./format";
import type { Collector, PostalAddress } from "./types";

/**
 * US Letter in points (72 per inch). The recipient block sits where a #10 double-window envelope shows it
 * (about 2" from the top and 7/8" from the left edge); the return window shows only the letterhead's name and
 * address. Nothing else may reach either window, because what shows through the envelope must not reveal that
 * the letter is about a debt (FDCPA 1692f(8); Reg F 1006.22(f)(1)).
 */
export const PAGE = {
  width: 612,
  height: 792,
  marginX: 50,
  marginTop: 36,
  marginBottom: 44,
  windowTop: 144,
  windowLeft: 63,
  windowHeight: 81,
  /** Where the body starts: below the recipient window, with room for the letter to shift in the envelope. */
  bodyTop: 234,
} as const;

export const FONT = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique" } as const;

export const baseStyles = StyleSheet.create({
  page: {
    paddingTop: PAGE.marginTop,
    paddingBottom: PAGE.marginBottom,
    paddingHorizontal: PAGE.marginX,
    fontFamily: FONT.regular,
    fontSize: 10,
    color: "#111111",
  },
  header: { height: PAGE.bodyTop - PAGE.marginTop, position: "relative" },
  returnAddress: { width: 260 },
  headerRight: { position: "absolute", top: 0, right: 0, width: 200, alignItems: "flex-end" },
  recipient: {
    position: "absolute",
    top: PAGE.windowTop - PAGE.marginTop,
    left: PAGE.windowLeft - PAGE.marginX,
    width: 300,
    height: PAGE.windowHeight,
  },
  bold: { fontFamily: FONT.bold },
  italic: { fontFamily: FONT.italic },
  small: { fontSize: 8.5, color: "#333333" },
  footer: {
    position: "absolute",
    bottom: 20,
    left: PAGE.marginX,
    right: PAGE.marginX,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 8,
    color: "#444444",
    borderTopWidth: 0.5,
    borderTopColor: "#999999",
    paddingTop: 4,
  },
  // flexShrink 0: beside a long label the box would otherwise be squeezed narrower than it is tall.
  checkbox: {
    width: 8,
    height: 8,
    flexShrink: 0,
    borderWidth: 0.8,
    borderColor: "#111111",
    marginRight: 6,
    marginTop: 1,
  },
});

/** A postal address as stacked lines; the first (the name) optionally bold. */
export function AddressLines({ address, boldName = false }: { address: PostalAddress; boldName?: boolean }) {
  return (
    <View>
      {addressLines(address).map((line, i) => (
        <Text key={i} style={i === 0 && boldName ? baseStyles.bold : undefined}>
          {line}
        </Text>
      ))}
    </View>
  );
}

/**
 * The top of the first page: the collector's name and mailing address (return window), whatever the letter puts
 * at the top right, and the consumer's address in the recipient window. Fixed height, so the body always starts
 * below the windows however short the addresses are.
 */
export function LetterHeader({
  collector,
  consumer,
  right,
}: {
  collector: Collector;
  consumer: PostalAddress;
  right: ReactNode;
}) {
  return (
    <View style={baseStyles.header}>
      <View style={baseStyles.returnAddress}>
        <AddressLines address={{ ...collector.address, name: collector.name }} boldName />
      </View>
      <View style={baseStyles.headerRight}>{right}</View>
      <View style={baseStyles.recipient}>
        <AddressLines address={consumer} />
      </View>
    </View>
  );
}

/**
 * A check box drawn as a bordered square: the standard Helvetica font has no ☐ glyph, and a missing glyph
 * would silently print nothing where the consumer is meant to tick.
 */
export function CheckBox() {
  return <View style={baseStyles.checkbox} />;
}

/** A line of text preceded by a drawn check box. */
export function CheckLine({ children, bold = false }: { children: ReactNode; bold?: boolean }) {
  return (
    <View style={{ flexDirection: "row", marginBottom: 2 }} wrap={false}>
      <CheckBox />
      <Text style={[{ flex: 1 }, bold ? baseStyles.bold : {}]}>{children}</Text>
    </View>
  );
}

/**
 * A footer on every page: who wrote, how to reach them, licence numbers (some states and New York City require
 * them on every letter), and "Page n of N" so a loose page can be put back in order.
 */
export function ContactFooter({
  collector,
  license,
  page,
}: {
  collector: Collector;
  license: (state: string, number: string) => string;
  page: (pageNumber: number, totalPages: number) => string;
}) {
  const contact = [collector.name, collector.phone, collector.hours, collector.website].filter(
    (part): part is string => !!part?.trim(),
  );
  const licenses = (collector.licenseNumbers ?? []).map((l) => license(l.state, l.number));
  return (
    <View style={baseStyles.footer} fixed>
      <View style={{ flex: 1 }}>
        <Text>{contact.join("  ·  ")}</Text>
        {licenses.length > 0 ? <Text>{licenses.join("  ·  ")}</Text> : null}
      </View>
      <Text style={{ marginLeft: 12 }} render={({ pageNumber, totalPages }) => page(pageNumber, totalPages)} />
    </View>
  );
}

/**
 * The validation notice laid out like the CFPB's Model Form B-1 (12 CFR 1006 appendix B): collector and consumer
 * at the top, the boxed debt collector disclosure, the itemization beside the dispute rights, and a tear-off
 * response form below a dashed line. State disclosures go on a later page, where 1006.34(d)(3)(iv)(B) allows
 * them ("on the reverse"), so they never crowd the federal disclosures on the front.
 */
import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { formatLetterDate, formatMoney } from "./format";
import { AddressLines, baseStyles, CheckBox, CheckLine, FONT, LetterHeader } from "./parts";
import type { ValidationNoticeLetterProps } from "./types";
import { VALIDATION_NOTICE_COPY, type Emphasised } from "./validation-notice-copy";

/**
 * The notice's styles at a body size: the front page must hold the whole notice and its tear-off, so
 * renderLetterPdf steps the size down when long names or addresses would push the tear-off onto another page.
 */
function noticeStyles(size: number) {
  return StyleSheet.create({
    // No page footer on the notice, so the bottom margin is only the printer's.
    page: { ...baseStyles.page, paddingBottom: 28, fontSize: size, lineHeight: 1.25 },
    headline: {
      borderWidth: 1.2,
      borderColor: "#111111",
      padding: 6,
      fontSize: size + 1,
      lineHeight: 1.3,
      marginBottom: 9,
    },
    columns: { flexDirection: "row", justifyContent: "space-between" },
    left: { width: 232 },
    right: { width: 266 },
    heading: { fontFamily: FONT.bold, fontSize: size + 1.5, marginBottom: 3 },
    paragraph: { marginBottom: 5 },
    row: { flexDirection: "row", paddingVertical: 2, borderBottomWidth: 0.5, borderBottomColor: "#bbbbbb" },
    subRow: { paddingLeft: 10 },
    totalRow: { borderBottomWidth: 0, borderTopWidth: 1, borderTopColor: "#111111", marginTop: 2 },
    label: { flex: 1, paddingRight: 6 },
    amount: { width: 62, textAlign: "right" },
    bullet: { flexDirection: "row", marginBottom: 3 },
    bulletMark: { width: 8 },
    contact: { marginTop: 12, paddingTop: 5, borderTopWidth: 0.5, borderTopColor: "#999999" },
    tearLine: { marginTop: 8, marginBottom: 6, borderTopWidth: 1, borderTopStyle: "dashed", borderTopColor: "#444444" },
    respondHeading: { fontFamily: FONT.bold, fontSize: size + 3, marginBottom: 2 },
    indent: { paddingLeft: 14 },
    blank: { width: 80, borderBottomWidth: 0.8, borderBottomColor: "#111111", marginLeft: 3, height: size },
    mailTo: { borderWidth: 0.8, borderColor: "#111111", padding: 5, marginBottom: 8 },
    disclosure: { marginBottom: 8, fontSize: Math.max(size + 1, 10), lineHeight: 1.35 },
  });
}

type NoticeStyles = ReturnType<typeof noticeStyles>;

function Bold({ text }: { text: Emphasised }) {
  return (
    <Text>
      <Text style={baseStyles.bold}>{text.bold}</Text>
      {text.rest}
    </Text>
  );
}

function Bullet({ styles, children }: { styles: NoticeStyles; children: ReactNode }) {
  return (
    <View style={styles.bullet}>
      <Text style={styles.bulletMark}>•</Text>
      <View style={{ flex: 1 }}>{children}</View>
    </View>
  );
}

function ItemRow({
  styles,
  label,
  amount,
  sub = false,
  total = false,
}: {
  styles: NoticeStyles;
  label: string;
  amount: string;
  sub?: boolean;
  total?: boolean;
}) {
  return (
    <View style={[styles.row, sub ? styles.subRow : {}, total ? styles.totalRow : {}]} wrap={false}>
      <Text style={[styles.label, total ? baseStyles.bold : {}]}>{label}</Text>
      <Text style={[styles.amount, total ? baseStyles.bold : {}]}>{amount}</Text>
    </View>
  );
}

/** The pages the notice should take: the front, plus one for state disclosures when there are any. */
export function expectedNoticePages(props: ValidationNoticeLetterProps): number {
  return stateDisclosures(props).length > 0 ? 2 : 1;
}

function stateDisclosures(props: ValidationNoticeLetterProps): string[] {
  return (props.stateDisclosures ?? []).filter((text) => text.trim() !== "");
}

export function ValidationNotice({
  notice: props,
  fontSize,
}: {
  notice: ValidationNoticeLetterProps;
  fontSize: number;
}) {
  const styles = noticeStyles(fontSize);
  const { collector, consumer, language, reference } = props;
  const copy = VALIDATION_NOTICE_COPY[language];
  const itemizedOn = formatLetterDate(props.itemizationDate, language);
  const endsOn = formatLetterDate(props.validationEndsOn, language);
  // 1006.34(c)(3)(v) and (d)(3)(iv): where the collector accepts disputes and requests electronically.
  const online = collector.disputeEmail ?? collector.website;
  // 1006.34(d)(3)(vi): the Spanish offer is optional and only meaningful on a notice not already in Spanish.
  const spanishOffer = props.spanishOffer ? copy.spanishOffer : null;
  const spanishRequest = props.spanishOffer ? copy.spanishRequest : null;
  const disclosures = stateDisclosures(props);
  const originalCreditor = copy.originalCreditor(endsOn);

  return (
    <Document
      title={`${collector.name} – ${copy.reference} ${reference}`}
      author={collector.name}
      creator="Recoup"
      producer="Recoup"
      language={language}
    >
      <Page size="LETTER" style={styles.page}>
        <LetterHeader
          collector={collector}
          consumer={consumer}
          right={
            <>
              <Text>{formatLetterDate(props.noticeDate, language)}</Text>
              <Text style={[baseStyles.bold, { marginTop: 4 }]}>
                {copy.reference} {reference}
              </Text>
            </>
          }
        />

        <View style={styles.headline}>
          <Bold text={copy.headline(collector.name, props.currentCreditor)} />
        </View>

        <View style={styles.columns}>
          <View style={styles.left}>
            <Text style={styles.heading}>{copy.ourInformation}</Text>
            <Text style={styles.paragraph}>{copy.hadAccount(props.creditorOnItemizationDate, reference)}</Text>
            <ItemRow styles={styles} label={copy.asOf(itemizedOn)} amount={formatMoney(props.amountOnItemization)} />
            <ItemRow styles={styles} label={copy.between(itemizedOn)} amount="" />
            <ItemRow styles={styles} label={copy.interest} amount={`+ ${formatMoney(props.interestSince)}`} sub />
            <ItemRow styles={styles} label={copy.fees} amount={`+ ${formatMoney(props.feesSince)}`} sub />
            {/* An en dash: Helvetica's WinAnsi encoding has no U+2212 minus sign. */}
            <ItemRow
              styles={styles}
              label={copy.payments}
              amount={`– ${formatMoney(props.paymentsAndCreditsSince)}`}
              sub
            />
            <ItemRow styles={styles} label={copy.total} amount={formatMoney(props.currentAmount)} total />

            <View style={styles.contact}>
              <Text style={baseStyles.bold}>{copy.contactUs}</Text>
              <Text>{copy.callUs(collector.phone, collector.hours)}</Text>
              {collector.website ? <Text>{copy.visitUs(collector.website)}</Text> : null}
              {(collector.licenseNumbers ?? []).map((l, i) => (
                <Text key={i}>{copy.license(l.state, l.number)}</Text>
              ))}
            </View>
          </View>

          <View style={styles.right}>
            <Text style={styles.heading}>{copy.disputeHeading}</Text>
            <Bullet styles={styles}>
              <Bold text={copy.callOrWrite(endsOn)} />
            </Bullet>
            <Bullet styles={styles}>
              <Text>
                {copy.writeToDispute(endsOn)}
                {online ? copy.disputeOnline(online) : ""}
              </Text>
            </Bullet>

            <Text style={[styles.heading, { marginTop: 3 }]}>{copy.elseHeading}</Text>
            <Bullet styles={styles}>
              <Text>
                <Text style={baseStyles.bold}>{originalCreditor.bold}</Text>
                {originalCreditor.rest}
                {online ? copy.requestOnline(online) : ""}
              </Text>
            </Bullet>
            {props.consumerFinancialProduct ? (
              <Bullet styles={styles}>
                <Bold text={copy.cfpb} />
              </Bullet>
            ) : null}
            <Bullet styles={styles}>
              <Text style={baseStyles.bold}>{copy.paymentOptions}</Text>
            </Bullet>
            {disclosures.length > 0 ? (
              <Bullet styles={styles}>
                <Text>{copy.stateDisclosuresPointer}</Text>
              </Bullet>
            ) : null}
            {spanishOffer ? (
              <Bullet styles={styles}>
                <Text style={baseStyles.bold}>{spanishOffer}</Text>
              </Bullet>
            ) : null}
          </View>
        </View>

        {/* The tear-off moves as a whole: split across pages it could not be mailed back (1006.34(c)(4)). */}
        <View wrap={false}>
          <View style={styles.tearLine} />
          <View style={styles.columns}>
            <View style={{ width: 300 }}>
              <Text style={styles.respondHeading}>{copy.respondHeading}</Text>
              <Text style={[baseStyles.italic, { marginBottom: 3 }]}>{copy.checkAll}</Text>
              <CheckLine bold>{copy.disputeBecause}</CheckLine>
              <View style={styles.indent}>
                <CheckLine>{copy.notMyDebt}</CheckLine>
                <CheckLine>{copy.amountWrong}</CheckLine>
                <CheckLine>{copy.other}</CheckLine>
              </View>
              <CheckLine bold>{copy.sendOriginalCreditor}</CheckLine>
              <View style={{ flexDirection: "row", marginBottom: 2 }} wrap={false}>
                <CheckBox />
                <Text style={baseStyles.bold}>{copy.enclosed} $</Text>
                <View style={styles.blank} />
              </View>
              <View style={styles.indent}>
                <Text style={[baseStyles.small, { marginBottom: 3 }]}>{copy.payableTo(collector.name, reference)}</Text>
              </View>
              {spanishRequest ? <CheckLine bold>{spanishRequest}</CheckLine> : null}
            </View>
            <View style={{ width: 190, paddingTop: 4 }}>
              <Text style={[baseStyles.bold, { marginBottom: 3 }]}>{copy.mailTo}</Text>
              <View style={styles.mailTo}>
                <AddressLines address={{ ...collector.address, name: collector.name }} />
              </View>
              <AddressLines address={consumer} />
              <Text style={{ marginTop: 2 }}>
                {copy.reference} {reference}
              </Text>
            </View>
          </View>
        </View>
      </Page>

      {disclosures.length > 0 ? (
        <Page size="LETTER" style={styles.page}>
          <View style={[styles.columns, baseStyles.small, { marginBottom: 14 }]}>
            <Text>{collector.name}</Text>
            <Text>
              {copy.reference} {reference}
            </Text>
          </View>
          <Text style={[styles.heading, { marginBottom: 8 }]}>{copy.additionalInformation}</Text>
          {disclosures.map((text, i) => (
            // California requires its notice in type at least as large as the debt information (Civ. Code
            // 1812.701(b)), so disclosures print larger than the itemization on the front.
            <Text key={i} style={styles.disclosure}>
              {text}
            </Text>
          ))}
        </Page>
      ) : null}
    </Document>
  );
}

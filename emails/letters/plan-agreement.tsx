/**
 * A payment plan agreement: the business letter with the plan's terms, its schedule (number, due date, amount)
 * and total, and a line for the consumer's signature.
 */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatLetterDate, formatMoney } from "./format";
import { BusinessLetter } from "./generic-letter";
import { LETTER_COPY } from "./letter-copy";
import { baseStyles, FONT } from "./parts";
import type { PlanAgreementLetterProps } from "./types";

const styles = StyleSheet.create({
  terms: { marginBottom: 12 },
  termRow: { flexDirection: "row" },
  termLabel: { width: 150, fontFamily: FONT.bold },
  heading: { fontFamily: FONT.bold, fontSize: 11, marginBottom: 4 },
  table: { marginBottom: 16 },
  row: { flexDirection: "row", paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: "#bbbbbb" },
  // The rule above the headings is on the heading row, so it repeats with it on every page.
  headRow: { borderTopWidth: 1, borderTopColor: "#111111", borderBottomWidth: 1, borderBottomColor: "#111111" },
  totalRow: { borderBottomWidth: 0, borderTopWidth: 1, borderTopColor: "#111111" },
  number: { width: 50 },
  due: { flex: 1 },
  amount: { width: 110, textAlign: "right" },
  signatures: { flexDirection: "row", marginTop: 28 },
  signatureLine: { borderTopWidth: 0.8, borderTopColor: "#111111", paddingTop: 3 },
});

export function PlanAgreement(props: PlanAgreementLetterProps) {
  const copy = LETTER_COPY[props.language];
  const total = formatMoney(props.total);
  return (
    <BusinessLetter {...props} title={copy.planTitle} paragraphs={props.paragraphs ?? []}>
      <View style={styles.terms} wrap={false}>
        <View style={styles.termRow}>
          <Text style={styles.termLabel}>{copy.totalLabel}</Text>
          <Text>{total}</Text>
        </View>
        <View style={styles.termRow}>
          <Text style={styles.termLabel}>{copy.frequencyLabel}</Text>
          <Text>{copy.frequency[props.frequency]}</Text>
        </View>
        <View style={styles.termRow}>
          <Text style={styles.termLabel}>{copy.paymentsLabel}</Text>
          <Text>{props.installments.length}</Text>
        </View>
      </View>

      <Text style={styles.heading}>{copy.scheduleHeading}</Text>
      <View style={styles.table}>
        {/* The column headings repeat on every page the schedule runs onto. */}
        <View style={[styles.row, styles.headRow, baseStyles.bold]} fixed>
          <Text style={styles.number}>{copy.number}</Text>
          <Text style={styles.due}>{copy.dueDate}</Text>
          <Text style={styles.amount}>{copy.amount}</Text>
        </View>
        {props.installments.map((installment, i) => (
          <View key={i} style={styles.row} wrap={false}>
            <Text style={styles.number}>{i + 1}</Text>
            <Text style={styles.due}>{formatLetterDate(installment.dueOn, props.language)}</Text>
            <Text style={styles.amount}>{formatMoney(installment.amount)}</Text>
          </View>
        ))}
        <View style={[styles.row, styles.totalRow, baseStyles.bold]} wrap={false}>
          <Text style={styles.number} />
          <Text style={styles.due}>{copy.scheduleTotal}</Text>
          <Text style={styles.amount}>{total}</Text>
        </View>
      </View>

      <View style={styles.signatures} wrap={false}>
        <View style={{ width: 260, marginRight: 40 }}>
          <View style={styles.signatureLine}>
            <Text style={baseStyles.small}>{copy.signature}</Text>
          </View>
          <Text>{props.consumer.name}</Text>
        </View>
        <View style={{ width: 150 }}>
          <View style={styles.signatureLine}>
            <Text style={baseStyles.small}>{copy.date}</Text>
          </View>
        </View>
      </View>
    </BusinessLetter>
  );
}

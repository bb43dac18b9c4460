/**
 * Checks a letter before it is rendered, so a bad figure or date fails with its own message (an error thrown
 * inside react-pdf's renderer surfaces as an unrelated TypeError) and no PDF with wrong numbers is produced.
 */
import { formatMoney, parseCalendarDate, sumMoney } from "./format";
import type { Letter, MoneyValue, PlanAgreementLetterProps, ValidationNoticeLetterProps } from "./types";

/**
 * Refuses figures that do not add up: Reg F 1006.34(c)(2)(viii)–(ix) has the consumer check the current amount
 * against the itemization, so a notice whose lines do not sum to its total misstates the debt.
 */
function checkItemization(props: ValidationNoticeLetterProps): void {
  for (const [name, value] of [
    ["interest", props.interestSince],
    ["fees", props.feesSince],
    ["payments and credits", props.paymentsAndCreditsSince],
  ] as const) {
    // The form prints these with their own sign ("+ $", "– $"), so each must be a magnitude.
    if (value.minor < 0) throw new Error(`The ${name} since the itemization date cannot be negative`);
  }
  const sum = sumMoney(
    [
      props.amountOnItemization,
      props.interestSince,
      props.feesSince,
      { ...props.paymentsAndCreditsSince, minor: -props.paymentsAndCreditsSince.minor },
    ],
    props.currentAmount.currency,
  );
  if (sum.minor !== props.currentAmount.minor) {
    throw new Error(
      `The itemization sums to ${formatMoney(sum)} but the current amount is ${formatMoney(props.currentAmount)}`,
    );
  }
}

/** The consumer signs both the schedule and the total, so they must agree to the cent. */
function checkSchedule(props: PlanAgreementLetterProps): void {
  if (props.installments.length === 0) throw new Error("A payment plan needs at least one installment");
  for (const installment of props.installments) {
    if (installment.amount.minor <= 0) throw new Error("Every installment must be a positive amount");
  }
  const sum = sumMoney(
    props.installments.map((i) => i.amount),
    props.total.currency,
  );
  if (sum.minor !== props.total.minor) {
    throw new Error(`The installments sum to ${formatMoney(sum)} but the plan total is ${formatMoney(props.total)}`);
  }
}

function checkPrintable(dates: readonly string[], amounts: readonly MoneyValue[]): void {
  for (const date of dates) parseCalendarDate(date);
  for (const amount of amounts) formatMoney(amount);
}

export function validateLetter(letter: Letter): void {
  switch (letter.kind) {
    case "validation_notice": {
      const p = letter.props;
      checkPrintable(
        [p.noticeDate, p.itemizationDate, p.validationEndsOn],
        [p.amountOnItemization, p.interestSince, p.feesSince, p.paymentsAndCreditsSince, p.currentAmount],
      );
      checkItemization(p);
      return;
    }
    case "letter":
      checkPrintable([letter.props.date], []);
      return;
    case "plan_agreement": {
      const p = letter.props;
      checkPrintable(
        [p.date, ...p.installments.map((i) => i.dueOn)],
        [p.total, ...p.installments.map((i) => i.amount)],
      );
      checkSchedule(p);
      return;
    }
  }
}

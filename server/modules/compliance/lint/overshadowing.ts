/**
 * DISP-05: during the validation period a collector may not communicate anything that overshadows or is
 * inconsistent with the consumer's right to dispute or to ask for the original creditor (Reg F 1006.38(b);
 * FDCPA 1692g(b)) — typically a demand to pay by a date before the period ends, or pressure to act at once.
 * At send the period's end is known and the deadline is compared with it; at publish the template only gets a
 * warning, since it will be refused for consumers still inside their validation period.
 */
import { excerptOf, findExcerpt, type View } from "./text";
import type { Finding, LintContext } from "./types";

const CITE = "(Reg F 1006.38(b); FDCPA 1692g(b))";

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  "forty-five": 45,
  sixty: 60,
  uno: 1,
  un: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  catorce: 14,
  quince: 15,
  veinte: 20,
  treinta: 30,
  cuarenta: 40,
  sesenta: 60,
};
const NUMBER = `\\d{1,3}|${Object.keys(NUMBER_WORDS).join("|")}`;
/** "within 10 days", "within the next 10 days", "in 10 days", "dentro de 10 días", "en los próximos 10 días". */
const DEADLINE_SOURCE = `\\b(?:within|in|dentro de|en)(?: the| los| las)?(?: next| proximos| proximas| siguientes)? (${NUMBER})(?: \\(\\d{1,3}\\))? (?:(?:business|calendar|working|habiles|calendario) )?(days?|dias|weeks?|semanas?|hours?|horas)\\b`;
const HAS_DEADLINE = new RegExp(DEADLINE_SOURCE);
const DEADLINES = new RegExp(DEADLINE_SOURCE, "g");
/** A deadline only overshadows when it is a demand: to pay, to respond or act, or else. */
const DEMAND =
  /\b(?:pay|paid|payment|remit|respond|contact us|call us|resolve|settle|act|action|avoid|or else|pague|pagar|pago|responda|comuniquese|llamenos|resuelva|evitar|accion|medidas)\b/;
/** Pressure to act at once, which overshadows whatever the deadline. */
const IMMEDIATE =
  /\bimmediate (?:action|attention|payment|response)\b|\bact (?:now|immediately|today)\b|\bpay (?:immediately|now|at once|right away|today to avoid)\b|\bpay (?:in full )?today\b.{0,40}\bavoid\b|\bfinal (?:notice|demand|warning)\b|\blast (?:chance|notice|warning)\b|\burgent(?:ly)? (?:action|attention|payment|response|notice)\b|\baccion inmediata\b|\b(?:pague|pagar) (?:inmediatamente|de inmediato|hoy mismo|ahora)\b|\b(?:aviso|advertencia) final\b|\bultimo aviso\b/;

/** Days since 1970-01-01 of a "YYYY-MM-DD"; undefined when it is not a real date. */
export function dayNumber(date: string | undefined): number | undefined {
  if (typeof date !== "string") return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t / 86_400_000;
}

/** "further action", "additional collection activity": a threat, which with a deadline overshadows whatever its length. */
const THREAT =
  /\b(?:further|additional) (?:action|collection (?:action|activity|efforts))\b|\b(?:medidas|acciones) (?:adicionales|posteriores)\b/;

type Deadline = { days: number; threat: boolean; excerpt: string };

function deadlinesIn(view: View): Deadline[] {
  const out: Deadline[] = [];
  if (!HAS_DEADLINE.test(view.folded)) return out;
  for (const s of view.sentences) {
    if (!DEMAND.test(s.folded)) continue;
    for (const m of s.folded.matchAll(DEADLINES)) {
      const n = m[1] ?? "";
      const count = /^\d/.test(n) ? Number(n) : (NUMBER_WORDS[n] ?? 0);
      const unit = m[2] ?? "";
      const perUnit = unit.startsWith("h") ? 1 / 24 : unit.startsWith("w") || unit.startsWith("s") ? 7 : 1;
      // Counted as calendar days: a business-day deadline ends no earlier, so this errs toward blocking.
      out.push({ days: Math.ceil(count * perUnit), threat: THREAT.test(s.folded), excerpt: s.raw });
    }
  }
  return out;
}

export function overshadowingRules(context: LintContext, views: View[], out: Finding[]): void {
  const immediate: string[] = [];
  const deadlines: Deadline[] = [];
  for (const v of views) {
    if (IMMEDIATE.test(v.folded)) immediate.push(findExcerpt(v, IMMEDIATE) ?? "");
    deadlines.push(...deadlinesIn(v));
  }
  if (!immediate.length && !deadlines.length) return;

  if (context.stage === "publish") {
    out.push({
      rule: "DISP-05",
      severity: "warn",
      message: `Deadline or pressure language will be refused for consumers still inside their validation period, where it overshadows their right to dispute; drop it, or keep this template for use after the period ${CITE}`,
      excerpt: excerptOf(immediate[0] ?? deadlines[0]?.excerpt ?? ""),
    });
    return;
  }
  const today = dayNumber(context.today);
  const end = dayNumber(context.validationEndsOn);
  if (today === undefined || end === undefined || today > end) return;
  const until = `until ${context.validationEndsOn} (the end of the validation period)`;
  const first = immediate[0];
  if (first !== undefined) {
    out.push({
      rule: "DISP-05",
      severity: "block",
      message: `Pressure to act at once overshadows the consumer's right to dispute ${until}: remove it, or send after the period ${CITE}`,
      excerpt: excerptOf(first),
    });
    return;
  }
  const threat = deadlines.find((d) => d.threat);
  if (threat) {
    out.push({
      rule: "DISP-05",
      severity: "block",
      message: `A deadline backed by a threat of further action overshadows the consumer's right to dispute ${until}: remove it, or send after the period ${CITE}`,
      excerpt: excerptOf(threat.excerpt),
    });
    return;
  }
  const shortest = deadlines.filter((d) => today + d.days < end).sort((a, b) => a.days - b.days)[0];
  if (shortest)
    out.push({
      rule: "DISP-05",
      severity: "block",
      message: `A ${shortest.days}-day deadline ends before the validation period does (${context.validationEndsOn}), which overshadows the consumer's right to dispute: remove the deadline, or send after the period ${CITE}`,
      excerpt: excerptOf(shortest.excerpt),
    });
}

import { lintMessage, type Finding, type LintChannel } from "@/server/modules/compliance/lint";
import { checkVariables, type TemplateChannel } from "./variables";

type TemplateText = {
  channel: TemplateChannel;
  kind: Parameters<typeof lintMessage>[0]["kind"];
  language: "en" | "es";
  subject?: string | null;
  body: string;
};

const LINT_CHANNEL: Record<TemplateChannel, LintChannel> = {
  email: "email",
  sms: "sms",
  letter: "letter",
  voicemail: "voicemail",
};

/**
 * What stands between a template and publication: placeholders not in the catalogue (they would render blank
 * at send), an email without a subject, and the compliance lint at publish (ENG-05). Blocking findings refuse the
 * publication; warnings are shown and kept with the version.
 */
export function templateFindings(t: TemplateText): Finding[] {
  const findings: Finding[] = [];
  for (const p of checkVariables(`${t.subject ?? ""}\n${t.body}`, t.channel))
    findings.push({ rule: "TEMPLATE-VARIABLES", severity: "block", message: p.message });
  if (t.channel === "email" && !t.subject?.trim())
    findings.push({ rule: "TEMPLATE-SUBJECT", severity: "block", message: "An email needs a subject" });
  findings.push(
    ...lintMessage(
      {
        channel: LINT_CHANNEL[t.channel],
        kind: t.kind,
        language: t.language,
        text: t.body,
        subject: t.subject ?? undefined,
      },
      { stage: "publish" },
    ),
  );
  return findings;
}

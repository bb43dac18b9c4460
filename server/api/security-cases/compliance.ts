import { defineCases } from "./types";

export const cases = defineCases({
  calls: ({ accountA }) => ({
    "compliance.callStatus": (c) => c.compliance.callStatus({ accountId: accountA.id }),
    "compliance.overview": (c) => c.compliance.overview({ days: 7 }),
    "compliance.decisions": (c) => c.compliance.decisions({ accountId: accountA.id }),
    "compliance.validationNotice": (c) => c.compliance.validationNotice({ accountId: accountA.id }),
    "compliance.policy": (c) => c.compliance.policy(),
    "compliance.setPolicy": (c) =>
      c.compliance.setPolicy({ regime: "third_party_collector", policy: { patterns: "block" } }),
    "compliance.recordValidationNotice": (c) =>
      c.compliance.recordValidationNotice({ accountId: accountA.id, medium: "mail" }),
  }),
});

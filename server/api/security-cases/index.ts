import { cases as accountsList } from "./accounts-list";
import { cases as communications } from "./communications";
import { cases as compliance } from "./compliance";
import { cases as holdsContacts } from "./holds-contacts";
import { cases as imports } from "./imports";
import { cases as queues } from "./queues";
import type { AnyCases } from "./types";
import { cases as workspace } from "./workspace";

/** Each area lists its own procedures' calls; security.test.ts requires every procedure of the router listed. */
export const areaCases: AnyCases[] = [
  accountsList,
  workspace,
  holdsContacts,
  queues,
  imports,
  compliance,
  communications,
];

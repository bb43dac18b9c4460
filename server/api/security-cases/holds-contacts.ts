import { defineCases } from "./types";

export const cases = defineCases({ calls: () => ({}) });

import { z } from "zod";

export const IMPORT_KINDS = ["accounts", "payments"] as const;
export const IMPORT_MODES = ["valid_rows", "all_or_nothing"] as const;

export const importIdInput = z.object({ id: z.uuid() });

export const listImportsInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export const importErrorsInput = z.object({
  id: z.uuid(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

/** How the rows are read: which column is which field, and how dates and amounts are written. */
export const importMappingInput = z.object({
  /** File column (header text) → field key of the catalogue; columns left out are ignored. */
  columns: z.record(z.string(), z.string()),
  /** Order of numeric dates per date column ("MDY" 03/04/2025 is March 4th; "DMY" is 3 April). */
  dateFormats: z.record(z.string(), z.enum(["MDY", "DMY"])).default({}),
  decimalSeparator: z.enum([".", ","]).default("."),
  defaultCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, "Currency: a three-letter ISO code such as USD")
    .default("USD"),
});

export const startImportInput = z.object({
  id: z.uuid(),
  mapping: importMappingInput,
  mode: z.enum(IMPORT_MODES),
  /** Keep this mapping for the creditor's next files under this name. */
  saveMappingAs: z.string().trim().min(1).max(80).optional(),
});

export type ImportMapping = z.infer<typeof importMappingInput>;
export type StartImportInput = z.input<typeof startImportInput>;

import { importMappingInput, type ImportMapping } from "@/server/modules/imports/imports.schemas";
import {
  ADDRESS_PARTS,
  DATE_FIELDS,
  missingRequirements as catalogueMissing,
  type FieldKey,
} from "@/server/modules/imports/fields/catalogue";
import { PRESETS } from "@/server/modules/imports/fields/presets";
import type { ImportData } from "./types";

/*
 * The catalogue's own rules (pure data, shared with the server), so the page warns while the person maps; the
 * server checks the mapping again when the import starts and says what is wrong.
 */

type Kind = "accounts" | "payments";

export { DATE_FIELDS };

export function presetName(id: string): string {
  return PRESETS.find((p) => p.id === id)?.name ?? id;
}

export type DateOrder = "MDY" | "DMY";
export type Mode = "valid_rows" | "all_or_nothing";

/** The form's state: every file column's target field ("" = ignored) and how values are written. */
export type MappingForm = {
  columns: Record<string, string>;
  dateFormats: Record<string, DateOrder | "">;
  decimalSeparator: "." | ",";
  defaultCurrency: string;
  mode: Mode;
  saveAs: string;
};

/** A stored mapping (jsonb, so untyped on the wire), or null when it is not one. */
export function readMapping(value: unknown): ImportMapping | null {
  const parsed = importMappingInput.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Where the form starts, and from which source. */
export type Prefill = { form: MappingForm; from: "previous" | "saved" | "suggestion" };

/**
 * The mapping of an earlier run of this import wins (the person already chose it), then the creditor's saved
 * mapping that fits the file, then the automatic one. Columns the file does not have are dropped.
 */
export function initialForm(data: ImportData): Prefill {
  const previous = readMapping(data.job.mapping);
  const saved = data.savedFit ? readMapping(data.saved.find((s) => s.name === data.savedFit)?.mapping) : null;
  const base = previous ?? saved;
  const from: Prefill["from"] = previous ? "previous" : saved ? "saved" : "suggestion";
  const header = new Set(data.source.header);
  const source: Record<string, string> = base ? base.columns : data.suggestion.mapping;
  const columns: Record<string, string> = {};
  for (const [column, field] of Object.entries(source)) if (header.has(column)) columns[column] = field;
  const dateFormats: Record<string, DateOrder | ""> = {};
  for (const { column, inference } of data.dateColumns) if (inference.format) dateFormats[column] = inference.format;
  for (const [column, order] of Object.entries(base?.dateFormats ?? {}))
    if (header.has(column)) dateFormats[column] = order;
  return {
    from,
    form: {
      columns,
      dateFormats,
      decimalSeparator: base?.decimalSeparator ?? ".",
      defaultCurrency: base?.defaultCurrency ?? "USD",
      mode: data.job.status === "uploaded" ? "valid_rows" : data.job.mode,
      saveAs: "",
    },
  };
}

/** Requirements the mapped fields do not meet, in words. */
export function missingRequirements(kind: Kind, fields: Iterable<string>): string[] {
  return catalogueMissing(kind, [...fields] as FieldKey[]).map((r) => r.description);
}

/** An address is all or nothing: the parts still to map once any of them is, else empty. */
export function missingAddressParts(kind: Kind, fields: Iterable<string>): string[] {
  if (kind !== "accounts") return [];
  const have = new Set(fields);
  if (!["address1", "address2", "city", "zip"].some((f) => have.has(f))) return [];
  return ADDRESS_PARTS.filter((f) => !have.has(f));
}

/** What the server is sent: ignored columns left out, date orders only for mapped date columns that have one. */
export function toMapping(form: MappingForm): ImportMapping {
  const columns: Record<string, string> = {};
  const dateFormats: Record<string, DateOrder> = {};
  for (const [column, field] of Object.entries(form.columns)) {
    if (!field) continue;
    columns[column] = field;
    const order = form.dateFormats[column];
    if (DATE_FIELDS.has(field as FieldKey) && order) dateFormats[column] = order;
  }
  return {
    columns,
    dateFormats,
    decimalSeparator: form.decimalSeparator,
    defaultCurrency: form.defaultCurrency.trim().toUpperCase(),
  };
}

"use client";

import { InfoIcon, PlayIcon, TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Instant } from "@/components/domain/instant";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { fmt } from "../../_components/import-status";
import { CancelImportButton } from "./cancel-import-button";
import {
  DATE_FIELDS,
  initialForm,
  missingAddressParts,
  missingRequirements,
  presetName,
  readMapping,
  toMapping,
  type DateOrder,
  type MappingForm,
} from "./mapping-rules";
import type { ImportData } from "./types";
import type { FieldKey } from "@/server/modules/imports/fields/catalogue";
import { startErrors, useStartImport } from "./use-start-import";

const PREVIEW_ROWS = 10;
const SAMPLES = 3;
const CURRENCY = /^[A-Z]{3}$/;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]; // prettier-ignore

/** "03/04/2025: March 4 or 3 April?" for a value that reads both ways. */
function bothReadings(example: string): string {
  const m = /(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}/.exec(example);
  if (!m) return `${example}: which comes first, the month or the day?`;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return `${example}: ${MONTHS[a - 1]} ${b} or ${a} ${MONTHS[b - 1]}?`;
}

const DELIMITERS: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

function describeSource(source: ImportData["source"]): string {
  if (source.format === "xlsx") {
    return `Excel workbook${source.sheetName ? `, sheet "${source.sheetName}"` : ""}, header on row ${source.headerLine}`;
  }
  const delimiter = source.delimiter ? (DELIMITERS[source.delimiter] ?? `"${source.delimiter}"`) : "unknown";
  const encoding = source.encoding === "windows-1252" ? "Latin-1" : "UTF-8";
  return `CSV, ${delimiter}-separated, ${encoding}, header on line ${source.headerLine}`;
}

export function MappingStep({
  data,
  canRun,
  focusOnMount,
  onBack,
}: {
  data: ImportData;
  canRun: boolean;
  focusOnMount: boolean;
  /** Shown when the mapping is changed after a run stopped: back to that run's outcome. */
  onBack?: () => void;
}) {
  const id = useId();
  const { job, source, suggestion, fields } = data;
  const kind = job.kind;
  // Computed once: later reads of the import must not overwrite what the person has chosen.
  const [prefill] = useState(() => initialForm(data));
  const [form, setForm] = useState<MappingForm>(prefill.form);
  const [appliedSaved, setAppliedSaved] = useState<string | null>(null);
  const start = useStartImport(job.id);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  // A repeated header name cannot be told apart by name: only its first column can be mapped (as the server does).
  const firstIndex = new Map<string, number>();
  source.header.forEach((h, i) => {
    if (!firstIndex.has(h)) firstIndex.set(h, i);
  });
  const columns = source.header.map((name, index) => ({ name, index, repeated: firstIndex.get(name) !== index }));

  const mapped = Object.entries(form.columns).filter(([, field]) => field);
  const fieldsMapped = mapped.map(([, field]) => field);
  const takenBy = new Map<string, string[]>();
  for (const [column, field] of mapped) takenBy.set(field, [...(takenBy.get(field) ?? []), column]);
  const missing = missingRequirements(kind, fieldsMapped);
  const addressMissing = missingAddressParts(kind, fieldsMapped);
  const labelOf = new Map(fields.map((f) => [f.key as string, f.label]));
  const duplicates = [...takenBy.entries()].filter(([, cols]) => cols.length > 1);
  const dateColumns = mapped.filter(([, field]) => DATE_FIELDS.has(field as FieldKey)).map(([column]) => column);
  const currencyValid = CURRENCY.test(form.defaultCurrency.trim().toUpperCase());

  const samples = (index: number) =>
    source.preview
      .map((row) => (row[index] ?? "").trim())
      .filter(Boolean)
      .slice(0, SAMPLES);

  const setColumn = (column: string, field: string) =>
    setForm((f) => ({ ...f, columns: { ...f.columns, [column]: field } }));
  const setDateOrder = (column: string, order: DateOrder | "") =>
    setForm((f) => ({ ...f, dateFormats: { ...f.dateFormats, [column]: order } }));

  const applySaved = (name: string) => {
    const saved = readMapping(data.saved.find((s) => s.name === name)?.mapping);
    if (!saved) return;
    const header = new Set(source.header);
    setForm((f) => ({
      ...f,
      columns: Object.fromEntries(Object.entries(saved.columns).filter(([c]) => header.has(c))),
      dateFormats: { ...f.dateFormats, ...saved.dateFormats },
      decimalSeparator: saved.decimalSeparator,
      defaultCurrency: saved.defaultCurrency,
    }));
    setAppliedSaved(name);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!currencyValid) return;
    start.mutate({
      id: job.id,
      mapping: toMapping(form),
      mode: form.mode,
      saveMappingAs: form.saveAs.trim() || undefined,
    });
  };

  const recoupFields = fields.filter((f) => !f.auxiliary);
  const auxiliaryFields = fields.filter((f) => f.auxiliary);
  const problems = startErrors(start.error);
  const origin =
    appliedSaved !== null
      ? `Saved mapping "${appliedSaved}" applied.`
      : prefill.from === "previous"
        ? "The mapping of the previous run of this import is filled in."
        : prefill.from === "saved" && data.savedFit
          ? `Saved mapping "${data.savedFit}" for ${job.creditorName} applied.`
          : suggestion.preset
            ? `${presetName(suggestion.preset)} detected: its columns are mapped.`
            : null;

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h2
          id={`${id}-heading`}
          ref={heading}
          tabIndex={-1}
          className="text-xl font-semibold tracking-tight outline-none"
        >
          Map the columns
        </h2>
        <p className="text-sm text-muted-foreground">
          {describeSource(source)}. Choose what each column of the file is; columns left on “— ignore —” are not
          imported. Nothing is imported until you start.
        </p>
      </div>

      {data.sameFile.length > 0 ? (
        <Alert variant="warning">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>This file was imported before</AlertTitle>
          <AlertDescription>
            <p>
              This same file was imported on{" "}
              {data.sameFile[0]!.finishedAt ? <Instant value={data.sameFile[0]!.finishedAt} /> : "an earlier date"};
              importing it again changes nothing.{" "}
              <Link href={`/imports/${data.sameFile[0]!.id}`} className="underline underline-offset-4">
                See that import
              </Link>
            </p>
          </AlertDescription>
        </Alert>
      ) : null}

      {origin ? (
        <Alert role="status">
          <InfoIcon aria-hidden="true" />
          <AlertDescription className="text-foreground">{origin}</AlertDescription>
        </Alert>
      ) : null}

      {!canRun ? (
        <Alert role="status">
          <InfoIcon aria-hidden="true" />
          <AlertDescription>
            This file is waiting to be mapped and started by an admin or a manager. You can see its columns below.
          </AlertDescription>
        </Alert>
      ) : null}

      <form onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
        <fieldset disabled={!canRun || start.isPending} className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>
                <h3>Columns</h3>
              </CardTitle>
              <CardDescription>
                {fmt(source.header.length)} {source.header.length === 1 ? "column" : "columns"} in the file;{" "}
                {fmt(mapped.length)} mapped.
              </CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              {data.saved.length > 0 && canRun ? (
                <div className="flex max-w-md flex-col gap-1.5">
                  <Label htmlFor={`${id}-saved`}>Apply a saved mapping</Label>
                  <NativeSelect
                    id={`${id}-saved`}
                    value={appliedSaved ?? ""}
                    onChange={(e) => (e.target.value ? applySaved(e.target.value) : undefined)}
                  >
                    <option value="">Choose a saved mapping</option>
                    {data.saved.map((s) => (
                      <option key={s.name} value={s.name}>
                        {s.name}
                      </option>
                    ))}
                  </NativeSelect>
                </div>
              ) : null}

              <div className="overflow-x-auto rounded-lg border">
                <Table>
                  <TableCaption className="sr-only">Columns of the file and what they are imported as</TableCaption>
                  <TableHeader>
                    <TableRow className="hover:bg-transparent">
                      <TableHead scope="col">File column</TableHead>
                      <TableHead scope="col">First values</TableHead>
                      <TableHead scope="col" className="min-w-64">
                        Imported as
                      </TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {columns.map(({ name, index, repeated }) => {
                      const field = repeated ? "" : (form.columns[name] ?? "");
                      const others = field ? (takenBy.get(field) ?? []).filter((c) => c !== name) : [];
                      const description = field ? fields.find((f) => f.key === field)?.description : undefined;
                      const hintId = `${id}-col-${index}-hint`;
                      return (
                        <TableRow key={index}>
                          <TableHead scope="row" className="align-top font-medium whitespace-normal">
                            {name || <span className="text-muted-foreground">(column {index + 1}, no name)</span>}
                          </TableHead>
                          <TableCell className="max-w-72 align-top whitespace-normal text-muted-foreground">
                            {samples(index).map((v, i) => (
                              <span key={i} className="block truncate" title={v}>
                                {v}
                              </span>
                            ))}
                          </TableCell>
                          <TableCell className="align-top whitespace-normal">
                            {repeated ? (
                              <p className="text-sm text-muted-foreground">
                                Another column is also named “{name}”: rename one in the file to import both.
                              </p>
                            ) : (
                              <div className="flex flex-col gap-1">
                                <NativeSelect
                                  aria-label={`Map column "${name}"`}
                                  aria-describedby={field ? hintId : undefined}
                                  aria-invalid={others.length > 0 || undefined}
                                  value={field}
                                  onChange={(e) => setColumn(name, e.target.value)}
                                >
                                  <option value="">— ignore —</option>
                                  <optgroup label="Recoup fields">
                                    {recoupFields.map((f) => (
                                      <option key={f.key} value={f.key}>
                                        {f.required === true ? `${f.label} (required)` : f.label}
                                      </option>
                                    ))}
                                  </optgroup>
                                  {auxiliaryFields.length ? (
                                    <optgroup label="Columns of billing-system reports">
                                      {auxiliaryFields.map((f) => (
                                        <option key={f.key} value={f.key}>
                                          {f.label}
                                        </option>
                                      ))}
                                    </optgroup>
                                  ) : null}
                                </NativeSelect>
                                {field ? (
                                  <p
                                    id={hintId}
                                    className={
                                      others.length ? "text-xs text-destructive" : "text-xs text-muted-foreground"
                                    }
                                  >
                                    {others.length
                                      ? `“${others.join("”, “")}” is also mapped to ${labelOf.get(field) ?? field}: keep one.`
                                      : description}
                                  </p>
                                ) : null}
                              </div>
                            )}
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </div>

              {/* A status, not an alert: it changes with every choice and would interrupt; read when idle. */}
              <div role="status">
                {missing.length || addressMissing.length || duplicates.length ? (
                  <Alert variant="warning" role="none">
                    <TriangleAlertIcon aria-hidden="true" />
                    <AlertTitle>The mapping is not complete</AlertTitle>
                    <AlertDescription>
                      <ul className="list-disc pl-4">
                        {missing.map((m) => (
                          <li key={m}>Nothing is mapped to {m}.</li>
                        ))}
                        {addressMissing.length ? (
                          <li>
                            An address needs Address 1, City, State and ZIP: map{" "}
                            {addressMissing.map((f) => labelOf.get(f) ?? f).join(", ")} too.
                          </li>
                        ) : null}
                        {duplicates.map(([field, cols]) => (
                          <li key={field}>
                            {cols.map((c) => `“${c}”`).join(" and ")} are all mapped to {labelOf.get(field) ?? field}.
                          </li>
                        ))}
                      </ul>
                    </AlertDescription>
                  </Alert>
                ) : (
                  <p className="text-sm text-muted-foreground">Every required field is mapped.</p>
                )}
              </div>
            </CardContent>
          </Card>

          {dateColumns.length ? (
            <Card>
              <CardHeader>
                <CardTitle>
                  <h3>Dates</h3>
                </CardTitle>
                <CardDescription>
                  Dates written with numbers only, such as 03/04/2025, can be read month first or day first. Dates that
                  could be either are reported as errors unless you choose the order.
                </CardDescription>
              </CardHeader>
              <CardContent className="grid gap-4 md:grid-cols-2">
                {dateColumns.map((column) => {
                  const inference = data.dateColumns.find((d) => d.column === column)?.inference;
                  const order = form.dateFormats[column] ?? "";
                  const undecided = !order && Boolean(inference?.ambiguousCount || inference?.inconsistent);
                  const selectId = `${id}-date-${source.header.indexOf(column)}`;
                  const note = inference?.inconsistent
                    ? `The first rows mix day-first (${inference.dayFirstExample}) and month-first (${inference.monthFirstExample}) dates: rows that do not fit the order you choose are reported.`
                    : inference?.format
                      ? `Detected: ${inference.format === "DMY" ? inference.dayFirstExample : inference.monthFirstExample} can only be read ${inference.format === "DMY" ? "day first" : "month first"}.`
                      : inference?.ambiguousExample
                        ? bothReadings(inference.ambiguousExample)
                        : "The first rows do not show the order. Choose it if the dates are written like 03/04/2025.";
                  return (
                    <div key={column} className="flex flex-col gap-1.5">
                      <Label htmlFor={selectId}>Date order of “{column}”</Label>
                      <NativeSelect
                        id={selectId}
                        value={order}
                        aria-describedby={`${selectId}-note`}
                        aria-invalid={undecided || undefined}
                        onChange={(e) => setDateOrder(column, e.target.value as DateOrder | "")}
                      >
                        <option value="">Not chosen</option>
                        <option value="MDY">Month first (03/04/2025 is March 4)</option>
                        <option value="DMY">Day first (03/04/2025 is 3 April)</option>
                      </NativeSelect>
                      <p
                        id={`${selectId}-note`}
                        className={undecided ? "text-xs text-destructive" : "text-xs text-muted-foreground"}
                      >
                        {note}
                        {undecided ? " Choose the order, or these rows are reported as errors." : ""}
                      </p>
                    </div>
                  );
                })}
              </CardContent>
            </Card>
          ) : null}

          <Card>
            <CardHeader>
              <CardTitle>
                <h3>Options</h3>
              </CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-6">
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor={`${id}-decimal`}>Decimal separator</Label>
                  <NativeSelect
                    id={`${id}-decimal`}
                    value={form.decimalSeparator}
                    onChange={(e) => setForm((f) => ({ ...f, decimalSeparator: e.target.value as "." | "," }))}
                  >
                    <option value=".">Point (1,234.56)</option>
                    <option value=",">Comma (1.234,56)</option>
                  </NativeSelect>
                </div>
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor={`${id}-currency`}>Default currency</Label>
                  <Input
                    id={`${id}-currency`}
                    value={form.defaultCurrency}
                    maxLength={3}
                    autoComplete="off"
                    className="uppercase"
                    aria-invalid={!currencyValid || undefined}
                    aria-describedby={`${id}-currency-hint`}
                    onChange={(e) => setForm((f) => ({ ...f, defaultCurrency: e.target.value }))}
                  />
                  <p
                    id={`${id}-currency-hint`}
                    className={currencyValid ? "text-xs text-muted-foreground" : "text-xs text-destructive"}
                  >
                    {currencyValid
                      ? "For rows without a currency of their own."
                      : "A three-letter ISO code such as USD."}
                  </p>
                </div>
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor={`${id}-save`}>Save this mapping as</Label>
                  <Input
                    id={`${id}-save`}
                    value={form.saveAs}
                    maxLength={80}
                    autoComplete="off"
                    placeholder="Optional"
                    aria-describedby={`${id}-save-hint`}
                    onChange={(e) => setForm((f) => ({ ...f, saveAs: e.target.value }))}
                  />
                  <p id={`${id}-save-hint`} className="text-xs text-muted-foreground">
                    Applied to {job.creditorName}&apos;s next {kind} files with the same columns. A saved mapping of the
                    same name is replaced.
                  </p>
                </div>
              </div>

              <fieldset className="flex flex-col gap-3">
                <legend className="mb-2 text-sm font-medium">When some rows have errors</legend>
                <div className="flex items-start gap-2">
                  <input
                    type="radio"
                    id={`${id}-mode-valid`}
                    name="mode"
                    value="valid_rows"
                    className="mt-0.5 size-4 accent-primary"
                    checked={form.mode === "valid_rows"}
                    aria-describedby={`${id}-mode-valid-hint`}
                    onChange={() => setForm((f) => ({ ...f, mode: "valid_rows" }))}
                  />
                  <div className="flex flex-col gap-0.5">
                    <Label htmlFor={`${id}-mode-valid`}>Import the valid rows</Label>
                    <p id={`${id}-mode-valid-hint`} className="text-xs text-muted-foreground">
                      Rows without errors are imported; the others are reported, row by row, for you to fix.
                    </p>
                  </div>
                </div>
                <div className="flex items-start gap-2">
                  <input
                    type="radio"
                    id={`${id}-mode-all`}
                    name="mode"
                    value="all_or_nothing"
                    className="mt-0.5 size-4 accent-primary"
                    checked={form.mode === "all_or_nothing"}
                    aria-describedby={`${id}-mode-all-hint`}
                    onChange={() => setForm((f) => ({ ...f, mode: "all_or_nothing" }))}
                  />
                  <div className="flex flex-col gap-0.5">
                    <Label htmlFor={`${id}-mode-all`}>All or nothing</Label>
                    <p id={`${id}-mode-all-hint`} className="text-xs text-muted-foreground">
                      If any row has an error nothing is imported, and every error is reported.
                    </p>
                  </div>
                </div>
              </fieldset>
            </CardContent>
          </Card>
        </fieldset>

        {problems.length ? (
          <Alert variant="destructive">
            <AlertTitle>The import could not start</AlertTitle>
            <AlertDescription>
              {problems.length === 1 ? (
                <p>{problems[0]}</p>
              ) : (
                <ul className="list-disc pl-4">
                  {problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              )}
            </AlertDescription>
          </Alert>
        ) : null}

        {canRun ? (
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" disabled={start.isPending || !currencyValid}>
              {start.isPending ? <Spinner label="Starting" /> : <PlayIcon aria-hidden="true" />}
              Start import
            </Button>
            {onBack ? (
              <Button type="button" variant="outline" onClick={onBack} disabled={start.isPending}>
                Back
              </Button>
            ) : job.status === "uploaded" ? (
              <CancelImportButton importId={job.id} waiting disabled={start.isPending} />
            ) : null}
          </div>
        ) : null}
      </form>

      <section aria-labelledby={`${id}-preview`} className="flex flex-col gap-2">
        <h3 id={`${id}-preview`} className="text-base font-semibold">
          Preview
        </h3>
        {source.preview.length === 0 ? (
          <p className="text-sm text-muted-foreground">The first rows of the file could not be shown.</p>
        ) : (
          <div className="max-h-96 overflow-auto rounded-lg border" tabIndex={0} aria-labelledby={`${id}-preview`}>
            <Table>
              <TableCaption className="sr-only">
                The first {Math.min(PREVIEW_ROWS, source.preview.length)} rows of the file, as read
              </TableCaption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead scope="col" className="text-right">
                    Row
                  </TableHead>
                  {source.header.map((h, i) => (
                    <TableHead key={i} scope="col">
                      {h}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {source.preview.slice(0, PREVIEW_ROWS).map((row, r) => (
                  <TableRow key={r}>
                    <TableCell className="text-right text-muted-foreground tabular-nums">
                      {source.previewLines[r] ?? ""}
                    </TableCell>
                    {source.header.map((_, c) => (
                      <TableCell key={c} className="max-w-60 truncate" title={row[c] ?? ""}>
                        {row[c] ?? ""}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </section>
  );
}

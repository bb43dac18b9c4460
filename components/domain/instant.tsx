/**
 * An instant shown in UTC and marked as such, so a server render never depends on the server's time zone;
 * the machine-readable value travels in `dateTime`.
 */
export function Instant({ value }: { value: Date | string }) {
  const date = new Date(value);
  return <time dateTime={date.toISOString()}>{`${date.toLocaleString("en-US", { timeZone: "UTC" })} UTC`}</time>;
}

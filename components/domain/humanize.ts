/** A machine value for display: "right_party_contact" → "Right party contact", "hold.placed" → "Hold placed". */
export function humanize(text: string): string {
  const words = text.replace(/[._]/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

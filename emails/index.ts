/**
 * The emails Recoup sends, rendered with react-email. Domain code calls these functions; it never imports React.
 */
import { render } from "@react-email/render";
import { createElement } from "react";
import { CollectionEmail, type CollectionEmailProps } from "./collection-email";

export type { CollectionEmailProps, EmailPart, EmailSender } from "./collection-email";

/** The HTML of a collection email (its text part is the template's own text, built by the caller). */
export function renderCollectionEmailHtml(props: CollectionEmailProps): Promise<string> {
  return render(createElement(CollectionEmail, props));
}

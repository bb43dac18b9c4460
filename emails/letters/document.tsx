import { Font, type DocumentProps } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { GenericLetter } from "./generic-letter";
import { PlanAgreement } from "./plan-agreement";
import type { Letter } from "./types";
import { ValidationNotice } from "./validation-notice";

// No automatic hyphenation: a break like "collec-tion" inside the regulation's wording makes the notice harder
// to read, and its text must stay exactly as written when read back from the PDF.
Font.registerHyphenationCallback((word) => [word]);

/** The react-pdf document of a letter, by kind; `noticeFontSize` is the validation notice's body size. */
export function letterDocument(letter: Letter, noticeFontSize: number): ReactElement<DocumentProps> {
  switch (letter.kind) {
    case "validation_notice":
      return <ValidationNotice notice={letter.props} fontSize={noticeFontSize} />;
    case "letter":
      return <GenericLetter {...letter.props} />;
    case "plan_agreement":
      return <PlanAgreement {...letter.props} />;
  }
}

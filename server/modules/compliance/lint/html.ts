/**
 * Just enough HTML reading for the lint: the text a reader sees, the links with their targets, and the font
 * size each run of text is shown in (CA-02 wants the licence number in at least 12-point type). A linear scan
 * with indexOf, not a regex over the whole document, so hostile input cannot make it slow.
 */

/** A run of visible text and the size it is shown in, when an element set one (undefined = the reader's default). */
export type TextRun = { start: number; end: number; px: number | undefined };

export type HtmlText = {
  /** The visible text; a link reads "label (target)" so the target stays visible to text rules. */
  text: string;
  runs: TextRun[];
};

const DEFAULT_PX = 16;
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
/** Elements whose content is not shown, with the search for their end tag. */
const SKIPPED_END = new Map(
  ["script", "style", "head", "title", "template"].map((n) => [n, new RegExp(`</${n}\\b`, "gi")]),
);
const BLOCK = new Set([
  "p",
  "div",
  "br",
  "li",
  "tr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "ul",
  "ol",
  "section",
  "article",
  "header",
  "footer",
  "blockquote",
  "hr",
]);
/** Elements whose default style is smaller than their parent's (the HTML rendering defaults). */
const SMALLER = new Map<string, number>([
  ["small", 0.83],
  ["sub", 0.83],
  ["sup", 0.83],
  ["h5", 0.83],
  ["h6", 0.67],
]);
/** <font size="1"> … "7", in CSS pixels. */
const FONT_SIZE_ATTR = [10, 10, 13, 16, 18, 24, 32, 48];
const KEYWORD_PX: Record<string, number> = {
  "xx-small": 9,
  "x-small": 10,
  small: 13,
  medium: 16,
  large: 18,
  "x-large": 24,
  "xx-large": 32,
  "xxx-large": 48,
};

const TAG = /^<\s*(\/?)\s*([a-zA-Z][\w:-]*)([\s\S]*)>$/;
const ATTR_HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const ATTR_STYLE = /\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i;
const ATTR_SIZE = /\bsize\s*=\s*["']?\s*([+-]?\d+)/i;
const FONT_SIZE = /(?:^|[;\s"'])font(?:-size)?\s*:\s*([^;]*)/gi;
const SIZE_VALUE =
  /(?:^|\s|\/)(\d*\.?\d+)\s*(px|pt|em|rem|%)|\b(xxx-large|xx-large|x-large|large|medium|small|x-small|xx-small|smaller|larger)\b/i;
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;
const NAMED = new Map<string, string>([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
  ["nbsp", " "],
  ["ndash", "–"],
  ["mdash", "—"],
  ["rsquo", "’"],
  ["lsquo", "‘"],
  ["rdquo", "”"],
  ["ldquo", "“"],
  ["copy", "©"],
  ["reg", "®"],
  ["hellip", "…"],
]);

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (whole, body: string) => {
    if (body[0] !== "#") return NAMED.get(body.toLowerCase()) ?? whole;
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The size in CSS pixels a style or <font size> gives, relative to the parent's; undefined when it sets none. */
function sizeOf(name: string, attrs: string, parentPx: number): number | undefined {
  let px: number | undefined;
  const scale = SMALLER.get(name);
  if (scale !== undefined) px = parentPx * scale;
  if (name === "font") {
    const m = ATTR_SIZE.exec(attrs);
    if (m?.[1]) {
      const raw = m[1];
      const n = raw.startsWith("+") || raw.startsWith("-") ? 3 + Number(raw) : Number(raw);
      px = FONT_SIZE_ATTR[Math.min(7, Math.max(1, n))];
    }
  }
  const style = ATTR_STYLE.exec(attrs);
  const css = style ? (style[1] ?? style[2] ?? "") : "";
  if (css) {
    for (const decl of css.matchAll(FONT_SIZE)) {
      const v = SIZE_VALUE.exec(decl[1] ?? "");
      if (!v) continue;
      if (v[3]) {
        const k = v[3].toLowerCase();
        px = k === "smaller" ? parentPx * 0.83 : k === "larger" ? parentPx * 1.2 : KEYWORD_PX[k];
      } else {
        const n = Number(v[1]);
        const unit = (v[2] ?? "px").toLowerCase();
        px =
          unit === "pt"
            ? (n * 4) / 3
            : unit === "em"
              ? n * parentPx
              : unit === "rem"
                ? n * DEFAULT_PX
                : unit === "%"
                  ? (n / 100) * parentPx
                  : n;
      }
    }
  }
  return px;
}

type Open = { name: string; px: number | undefined; href?: string };

export function readHtml(html: string): HtmlText {
  const stack: Open[] = [];
  const openCount = new Map<string, number>();
  const runs: TextRun[] = [];
  let text = "";
  const currentPx = () => stack[stack.length - 1]?.px;
  const emit = (s: string) => {
    if (!s) return;
    const start = text.length;
    text += s;
    runs.push({ start, end: text.length, px: currentPx() });
  };
  const newline = () => {
    if (text && !text.endsWith("\n")) text += "\n";
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      emit(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i) emit(decodeEntities(html.slice(i, lt)));
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const gt = html.indexOf(">", lt + 1);
    if (gt < 0) {
      emit(decodeEntities(html.slice(lt)));
      break;
    }
    i = gt + 1;
    const m = TAG.exec(html.slice(lt, gt + 1));
    if (!m) {
      // "<" not starting a tag ("a < b", "<!DOCTYPE …>"): text when it is not a declaration.
      if (html[lt + 1] !== "!" && html[lt + 1] !== "?") emit(decodeEntities(html.slice(lt, gt + 1)));
      continue;
    }
    const closing = m[1] === "/";
    const name = (m[2] ?? "").toLowerCase();
    const attrs = m[3] ?? "";
    const skipTo = closing ? undefined : SKIPPED_END.get(name);
    if (skipTo) {
      skipTo.lastIndex = i;
      const end = skipTo.exec(html);
      if (!end) break;
      const close = html.indexOf(">", end.index);
      i = close < 0 ? html.length : close + 1;
      continue;
    }
    if (BLOCK.has(name)) newline();
    else if (name === "td" || name === "th") text += text && !/\s$/.test(text) ? " " : "";
    if (closing) {
      // A close tag with no open element of its name is ignored in O(1), so stray tags cannot make this slow.
      if (!openCount.get(name)) continue;
      for (;;) {
        const o = stack.pop();
        if (!o) break;
        openCount.set(o.name, (openCount.get(o.name) ?? 1) - 1);
        if (o.href !== undefined) emit(` (${o.href})`);
        if (o.name === name) break;
      }
      continue;
    }
    if (VOID.has(name) || attrs.trimEnd().endsWith("/")) continue;
    const open: Open = { name, px: sizeOf(name, attrs, currentPx() ?? DEFAULT_PX) ?? currentPx() };
    if (name === "a") {
      const href = ATTR_HREF.exec(attrs);
      const target = href ? (href[1] ?? href[2] ?? href[3] ?? "").trim() : "";
      if (target) open.href = decodeEntities(target);
    }
    stack.push(open);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  }
  for (const o of stack.reverse()) if (o.href !== undefined) emit(` (${o.href})`);
  return { text, runs };
}

/** The smallest size, in CSS pixels, any part of text[start, end) is shown in; undefined when none is set. */
export function smallestPx(runs: TextRun[], start: number, end: number): number | undefined {
  let min: number | undefined;
  for (const r of runs) {
    if (r.end <= start || r.start >= end || r.px === undefined) continue;
    min = min === undefined ? r.px : Math.min(min, r.px);
  }
  return min;
}

import { useEffect, useEffectEvent, useRef, useState } from "react";

/**
 * A text field whose value lives in the URL: typing updates the URL after a pause (or at once on Enter), and a URL
 * change made elsewhere (clearing filters, applying a saved view) replaces what is typed, but the URL catching up
 * with our own typing never does. `normalize` returns null while the text is not a valid value.
 */
export function useUrlTextField(
  urlValue: string,
  normalize: (raw: string) => string | null,
  push: (value: string) => void,
) {
  const [value, setValue] = useState(urlValue);
  const pushed = useRef(urlValue);
  const onPush = useEffectEvent((next: string) => {
    pushed.current = next;
    push(next);
  });

  useEffect(() => {
    if (urlValue !== pushed.current) {
      pushed.current = urlValue;
      setValue(urlValue);
    }
  }, [urlValue]);

  useEffect(() => {
    const next = normalize(value);
    if (next === null || next === pushed.current) return;
    const timer = setTimeout(() => onPush(next), 400);
    return () => clearTimeout(timer);
  }, [value, normalize]);

  const flush = () => {
    const next = normalize(value);
    if (next !== null && next !== pushed.current) {
      pushed.current = next;
      push(next);
    }
  };
  return { value, setValue, flush, invalid: normalize(value) === null };
}

// The optional `date YYYY-MM-DD` header on an article's first line, followed on the same line by text.

export interface Header {
  date: string | null;
  /** Where the article text starts: offsets count from here. */
  bodyStart: number;
  warning: string | null;
}

// Only a date-like token makes a header, so an article opening 'Date night for Spurs' is left alone.
const _HEADER = /^[ \t]*date:?[ \t]+(\d[\d./-]*\d)(?=\s|$)[ \t]*/i;
const _ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseHeader(text: string): Header {
  const m = _HEADER.exec(text.slice(0, 64));
  if (!m) return { date: null, bodyStart: 0, warning: null };
  const raw = m[1] ?? '';
  const bodyStart = m[0].length;
  return _validDate(raw)
    ? { date: raw, bodyStart, warning: null }
    : { date: null, bodyStart, warning: `malformed date header "${raw}"; date set to null` };
}

function _validDate(raw: string): boolean {
  const m = _ISO.exec(raw);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

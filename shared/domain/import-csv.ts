/**
 * CSV as Russian Excel and LibreOffice write it: `;` between fields (the comma is the decimal
 * separator in Russian locales), sometimes `,`; fields in double quotes when they hold the
 * separator, a quote ("" inside) or a line break; CRLF line ends; UTF-8 with or without a BOM —
 * or Windows-1251, which «CSV (разделители — запятые)» in Russian Excel still produces.
 */

/** Decodes the file's bytes: UTF-8 (BOM stripped) unless they are not valid UTF-8, then CP1251. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1251' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

/** The separator of the first line outside quotes: `;` wins unless `,` or a tab is clearly it. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return counts[','] > 0 ? ',' : ';';
}

export interface CsvProblem {
  /** 1-based line of the file where the record starts. */
  line: number;
  message: string;
}

/**
 * Splits CSV text into records of fields (RFC 4180 plus the habits above). A quote that is never
 * closed is reported, not guessed around: the rest of the file would shift by a field.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): { rows: string[][]; problems: CsvProblem[] } {
  const rows: string[][] = [];
  const problems: CsvProblem[] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let fieldStartedQuoted = false;
  let line = 1;
  let quoteLine = 1;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const endField = () => {
    row.push(fieldStartedQuoted ? field : field.trim());
    field = '';
    fieldStartedQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      fieldStartedQuoted = true;
      field = '';
      quoteLine = line;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      endRow();
      line++;
    } else {
      field += ch;
    }
  }
  if (quoted) {
    problems.push({ line: quoteLine, message: `Строка ${quoteLine}: кавычка открыта и не закрыта до конца файла.` });
  }
  if (field !== '' || row.length > 0) endRow();
  // A trailing empty line is not a record.
  while (rows.length > 0 && rows.at(-1)!.every((f) => f === '')) rows.pop();
  return { rows, problems };
}

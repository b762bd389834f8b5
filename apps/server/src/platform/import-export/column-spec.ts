/** One column an import expects, found in the header by its Chinese label or an alias. */
export interface ColumnSpec {
  /** the field name in the record handed to validate() */
  key: string;
  /** the header users see in the template, e.g. 姓名; errors name the column by it */
  label: string;
  required: boolean;
  /** other headers accepted for this column, e.g. 身份证 for 身份证号码 */
  aliases?: string[];
}

/** A problem of one row and column, in Chinese. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export type HeaderMapping = { ok: true; index: Record<string, number> } | { ok: false; errors: RowError[] };

/** "A" for 0, "AB" for 27: how Excel names a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Normalises a header for matching: full-width forms to half-width (NFKC), no spaces, no required
 * markers (`*姓名`, `姓名*`, `姓名(必填)`), latin letters lower-cased.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((必填|选填|可选)\)$/, '')
    .replace(/^\*+|\*+$/g, '')
    .toLowerCase();
}

/**
 * Finds each spec's column in a header row. Unknown columns are ignored; a missing required column
 * or a column given twice is an error naming the header row and the column's label.
 */
export function mapHeader(values: string[], specs: ColumnSpec[], row = 1): HeaderMapping {
  const lookup = new Map<string, ColumnSpec>();
  for (const spec of specs) {
    for (const name of [spec.label, spec.key, ...(spec.aliases ?? [])]) {
      const norm = normalizeHeader(name);
      if (!lookup.has(norm)) lookup.set(norm, spec);
    }
  }
  const found = new Map<string, number[]>();
  values.forEach((value, i) => {
    const spec = value ? lookup.get(normalizeHeader(value)) : undefined;
    if (spec) found.set(spec.key, [...(found.get(spec.key) ?? []), i]);
  });
  const errors: RowError[] = [];
  const index: Record<string, number> = {};
  for (const spec of specs) {
    const at = found.get(spec.key) ?? [];
    if (at.length > 1) {
      errors.push({ row, column: spec.label, message: `列“${spec.label}”重复出现(第 ${at.map(columnLetter).join('、')} 列),请只保留一列` });
    } else if (at.length === 1) {
      index[spec.key] = at[0]!;
    } else if (spec.required) {
      errors.push({ row, column: spec.label, message: `缺少必填列“${spec.label}”,请使用导入模板的表头` });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, index };
}

/** The cells of a row by column key; columns absent from the file give ''. */
export function rowToRecord(values: string[], index: Record<string, number>, specs: ColumnSpec[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const at = index[spec.key];
    out[spec.key] = at === undefined ? '' : (values[at] ?? '');
  }
  return out;
}

/** The Chinese label of a column key (for error messages), or the key itself. */
export function labelOf(specs: ColumnSpec[], key: string): string {
  return specs.find((s) => s.key === key)?.label ?? key;
}

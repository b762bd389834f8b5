import { AppError } from '../http/app-error.js';

/** Receives the pieces of an XML document. Element names come without their namespace prefix. */
export interface XmlHandler {
  open(name: string, attrs: string): void;
  close(name: string): void;
  /** raw text (entities not yet decoded; CDATA is passed decoded); may arrive in several pieces */
  text(raw: string, cdata: boolean): void;
}

/** A tag, comment or text longer than this is malformed input, not a spreadsheet. */
const MAX_PENDING = 4 * 1024 * 1024;

const malformed = (): AppError => new AppError(422, '文件已损坏:表格内容不是有效的 XML', 'FILE_TYPE');

const localName = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

/** index of the `>` ending a tag that starts before `from`, skipping quoted attribute values; -1 if not in `s` yet */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let j = from; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return j;
  }
  return -1;
}

/**
 * A small streaming XML tokenizer for the parts of an xlsx: elements, attributes (left raw, see
 * parseAttrs), text, CDATA; comments and processing instructions are skipped; a DOCTYPE is refused
 * (no entity expansion, no external entities). Push UTF-8 bytes with write(), finish with end().
 */
export class XmlScanner {
  private buf = '';
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly h: XmlHandler) {}

  write(chunk: Buffer): void {
    this.buf += this.decoder.decode(chunk, { stream: true });
    this.scan();
  }

  end(): void {
    this.buf += this.decoder.decode();
    this.scan();
    if (this.buf.trim().length > 0) throw malformed();
  }

  private scan(): void {
    const s = this.buf;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        this.h.text(s.slice(i), false);
        i = n;
        break;
      }
      if (lt > i) this.h.text(s.slice(i, lt), false);
      i = lt;
      const next = s.charCodeAt(lt + 1);
      if (Number.isNaN(next)) break;
      if (next === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const e = s.indexOf('-->', lt + 4);
          if (e < 0) break;
          i = e + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const e = s.indexOf(']]>', lt + 9);
          if (e < 0) break;
          this.h.text(s.slice(lt + 9, e), true);
          i = e + 3;
        } else if (s.length - lt < 9) {
          break;
        } else {
          throw malformed();
        }
        continue;
      }
      if (next === 63 /* ? */) {
        const e = s.indexOf('?>', lt + 2);
        if (e < 0) break;
        i = e + 2;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt < 0) break;
      if (next === 47 /* / */) {
        this.h.close(localName(s.slice(lt + 2, gt).trim()));
      } else {
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        const body = s.slice(lt + 1, selfClosing ? gt - 1 : gt);
        let k = 0;
        while (k < body.length && body.charCodeAt(k) > 32) k++;
        const name = localName(body.slice(0, k));
        this.h.open(name, body.slice(k));
        if (selfClosing) this.h.close(name);
      }
      i = gt + 1;
    }
    this.buf = i >= n ? '' : s.slice(i);
    if (this.buf.length > MAX_PENDING) throw malformed();
  }
}

/** Attributes of a tag as name → raw value (names keep their prefix, e.g. `r:id`). */
export function parseAttrs(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    while (i < n && attrs.charCodeAt(i) <= 32) i++;
    const eq = attrs.indexOf('=', i);
    if (eq < 0) break;
    const name = attrs.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && attrs.charCodeAt(q) <= 32) q++;
    const quote = attrs[q];
    if (quote !== '"' && quote !== "'") break;
    const end = attrs.indexOf(quote, q + 1);
    if (end < 0) break;
    out[name] = decodeXmlText(attrs.slice(q + 1, end));
    i = end + 1;
  }
  return out;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references (nothing else is expanded). */
export function decodeXmlText(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(ENTITY, (_m, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e]!;
    const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Undoes Excel's `_xHHHH_` escaping of characters XML cannot carry (ST_Xstring). */
export function decodeOoxmlString(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

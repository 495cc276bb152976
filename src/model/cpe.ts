/**
 * Common Platform Enumeration names, in the two bindings SBOMs carry: the CPE 2.2 URI
 * (`cpe:/a:vendor:product:version`) and the CPE 2.3 formatted string
 * (`cpe:2.3:a:vendor:product:version:update:edition:language:sw_edition:target_sw:target_hw:other`),
 * after NISTIR 7695. Values are decoded (2.3 backslash quoting and 2.2 %-escapes removed); `*` means
 * ANY and `-` means NOT APPLICABLE, as in the 2.3 binding. A 2.2 component left empty or absent is ANY.
 */
export interface Cpe {
  binding: '2.2' | '2.3';
  /** `a` application, `o` operating system, `h` hardware, or `*` / `-`. */
  part: string;
  vendor: string;
  product: string;
  version: string;
  update: string;
  edition: string;
  language: string;
  swEdition: string;
  targetSw: string;
  targetHw: string;
  other: string;
}

export interface CpeError {
  error: string;
  /** 0-based offset of the offending component in the input. */
  position?: number;
}

export function isCpeError(value: Cpe | CpeError): value is CpeError {
  return 'error' in value;
}

const FS_ATTRIBUTES = [
  'part',
  'vendor',
  'product',
  'version',
  'update',
  'edition',
  'language',
  'swEdition',
  'targetSw',
  'targetHw',
  'other',
] as const;

/** Parses either binding; never throws. */
export function parseCpe(text: string): Cpe | CpeError {
  if (text.startsWith('cpe:2.3:')) return parseFormattedString(text);
  if (text.toLowerCase().startsWith('cpe:/')) return parseUri(text);
  return { error: 'a CPE starts with "cpe:2.3:" (formatted string) or "cpe:/" (2.2 URI)', position: 0 };
}

export function isValidCpe(text: string): boolean {
  return !isCpeError(parseCpe(text));
}

function anyCpe(binding: Cpe['binding']): Cpe {
  const cpe = { binding } as Cpe;
  for (const a of FS_ATTRIBUTES) cpe[a] = '*';
  return cpe;
}

// 2.3: a value is `*`, `-`, or characters where letters, digits, `_`, `-` and `.` stand for
// themselves, any other printable character is quoted with `\`, and unquoted `*`/`?` wildcards may
// only open or close the value.
function parseFormattedString(text: string): Cpe | CpeError {
  const components: { value: string; start: number }[] = [];
  let start = 'cpe:2.3:'.length;
  let current = '';
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      if (i + 1 >= text.length) return { error: 'a "\\" ends the CPE with nothing to quote', position: i };
      current += ch + text[++i];
    } else if (ch === ':') {
      components.push({ value: current, start });
      current = '';
      start = i + 1;
    } else current += ch;
  }
  components.push({ value: current, start });
  if (components.length !== FS_ATTRIBUTES.length) {
    return { error: `a CPE 2.3 formatted string has 11 components after "cpe:2.3:", found ${components.length}` };
  }
  const cpe = anyCpe('2.3');
  for (let k = 0; k < FS_ATTRIBUTES.length; k++) {
    const attribute = FS_ATTRIBUTES[k];
    const { value, start: at } = components[k];
    const decoded = decodeFsValue(value);
    if (decoded === undefined) return { error: `CPE ${attribute} "${value}" is not a valid 2.3 value`, position: at };
    cpe[attribute] = decoded;
  }
  if (!['a', 'o', 'h', '*', '-'].includes(cpe.part)) {
    return { error: `CPE part must be a, o, h, * or -, found "${cpe.part}"`, position: 'cpe:2.3:'.length };
  }
  return cpe;
}

function decodeFsValue(value: string): string | undefined {
  if (value === '*' || value === '-') return value;
  if (value === '') return undefined;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\') {
      const quoted = value[++i];
      if (quoted === undefined || !/[!-/:-@[-`{-~]/.test(quoted)) return undefined;
      out += quoted;
    } else if (/[A-Za-z0-9_.-]/.test(ch)) out += ch;
    else if (ch === '*' || ch === '?') {
      const atEdge = /^[*?]*$/.test(value.slice(0, i)) || /^[*?]*$/.test(value.slice(i + 1));
      if (!atEdge) return undefined;
      out += ch;
    } else return undefined;
  }
  return out;
}

// 2.2 URI: up to seven components (part … language), each made of URI-unreserved characters or
// %-escapes; empty means ANY. The edition may pack the 2.3 extended attributes as ~ed~swed~tsw~thw~oth.
function parseUri(text: string): Cpe | CpeError {
  const body = text.slice('cpe:/'.length);
  const components = body.split(':');
  if (components.length > 7) return { error: `a CPE 2.2 URI has at most 7 components, found ${components.length}` };
  const cpe = anyCpe('2.2');
  const attributes = ['part', 'vendor', 'product', 'version', 'update', 'edition', 'language'] as const;
  let at = 'cpe:/'.length;
  for (let k = 0; k < components.length; k++) {
    const raw = components[k];
    if (!/^([A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})*$/.test(raw)) {
      return { error: `CPE ${attributes[k]} "${raw}" holds a character a CPE 2.2 URI does not allow`, position: at };
    }
    if (attributes[k] === 'edition' && raw.startsWith('~')) {
      const packed = raw.split('~');
      if (packed.length !== 6)
        return { error: `packed CPE edition "${raw}" needs 5 "~"-separated fields`, position: at };
      const [, edition, swEdition, targetSw, targetHw, other] = packed.map(decodeUriValue);
      Object.assign(cpe, { edition, swEdition, targetSw, targetHw, other });
    } else if (raw !== '') {
      cpe[attributes[k]] = decodeUriValue(raw);
    }
    at += raw.length + 1;
  }
  cpe.part = cpe.part.toLowerCase();
  if (!['a', 'o', 'h', '*'].includes(cpe.part)) {
    return { error: `CPE part must be a, o or h, found "${components[0]}"`, position: 'cpe:/'.length };
  }
  return cpe;
}

function decodeUriValue(raw: string): string {
  if (raw === '') return '*';
  if (raw === '-') return '-';
  return raw.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The compiled lexicon: WordNet reduced to what the engine needs, as flat typed arrays, and its binary file
 * format. The file is a magic number, a JSON header, then sections aligned to 4 bytes; loading it is one read,
 * one string split and typed-array views, no parsing of WordNet.
 */

/**
 * The sorted word list, kept as one string ('\n' after each word) and the offsets of the words in it, so that
 * loading creates no per-word strings. Ordered by UTF-16 code unit, like `<` on strings.
 */
export class WordList {
  /** `text` holds word i at `start[i] .. start[i+1]-1`; `start` has one entry more than there are words. */
  constructor(
    readonly text: string,
    readonly start: Int32Array,
  ) {}

  /** A word list from sorted words. */
  static from(sorted: readonly string[]): WordList {
    const start = new Int32Array(sorted.length + 1);
    let at = 0;
    sorted.forEach((w, i) => {
      start[i] = at;
      at += w.length + 1;
    });
    start[sorted.length] = at;
    return new WordList(sorted.map((w) => `${w}\n`).join(''), start);
  }

  get length(): number {
    return this.start.length - 1;
  }

  /** Word number i. */
  at(i: number): string {
    return this.text.slice(this.start[i], this.start[i + 1]! - 1);
  }

  /** Compares word i with w as `<` would: negative, zero or positive. */
  compare(i: number, w: string): number {
    const from = this.start[i]!;
    const length = this.start[i + 1]! - 1 - from;
    const n = Math.min(length, w.length);
    for (let k = 0; k < n; k++) {
      const d = this.text.charCodeAt(from + k) - w.charCodeAt(k);
      if (d !== 0) return d;
    }
    return length - w.length;
  }

  /** The number of the first word not less than w. */
  lowerBound(w: string): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, w) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The number of word w, or -1. */
  indexOf(w: string): number {
    const i = this.lowerBound(w);
    return i < this.length && this.compare(i, w) === 0 ? i : -1;
  }
}

/** Bump whenever the compiled data or file layout changes: a file of another format is rebuilt. */
export const FORMAT_VERSION = 2;

/** The bit of `synPos` that marks an adjective satellite (WordNet's `s`). */
export const SATELLITE = 4;

const MAGIC = 0x584c4253; // "SBLX", little-endian

/**
 * The compiled data. Words are numbered by their place in `words` (sorted, lower case, spaces); synsets by
 * their place in the synset arrays. Parts of speech are numbered as in `POS_LIST`, pointers as in `POINTERS`.
 */
export interface LexiconData {
  /** What the file was built from; a file whose key differs from the expected one is stale. */
  readonly key: string;
  /** Every WordNet lemma and synset member, lower case, sorted by code unit. */
  readonly words: WordList;
  /** For word w and part of speech p, its senses are `senseList[wordPosStart[w*4+p] .. wordPosStart[w*4+p+1])`. */
  readonly wordPosStart: Int32Array;
  /** Synset numbers, each lemma's senses in WordNet's frequency order. */
  readonly senseList: Int32Array;
  /** For word w and part of speech p, the sum of its senses' SemCor tag counts (how common it is). */
  readonly wordPosCount: Int32Array;
  /** Each synset's part of speech number, with the `SATELLITE` bit for an adjective satellite. */
  readonly synPos: Uint8Array;
  /** Each synset's lexicographer file number. */
  readonly synLex: Uint8Array;
  /** Each synset's WordNet offset. */
  readonly synOffset: Int32Array;
  /** Synset s has members `synWords[synWordStart[s] .. synWordStart[s+1])` (word numbers, WordNet's order). */
  readonly synWordStart: Int32Array;
  readonly synWords: Int32Array;
  /** Synset s has pointers `synPtrStart[s] .. synPtrStart[s+1]` into the four pointer arrays. */
  readonly synPtrStart: Int32Array;
  /** Pointer kind number. */
  readonly ptrKind: Uint8Array;
  /** Target synset number. */
  readonly ptrTarget: Int32Array;
  /** For a lexical pointer, the 1-based member number of the source word in its synset; 0 for a semantic one. */
  readonly ptrSource: Uint8Array;
  /** For a lexical pointer, the 1-based member number of the target word; 0 for a semantic one. */
  readonly ptrTargetWord: Uint8Array;
  /** Irregular inflected forms (from compromise and a small table): form → [word number, pos number] pairs. */
  readonly irregulars: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

type ArrayKey = {
  [K in keyof LexiconData]: LexiconData[K] extends Int32Array | Uint8Array ? K : never;
}[keyof LexiconData];

const ARRAYS = [
  ['wordPosStart', 'i32'], ['senseList', 'i32'], ['wordPosCount', 'i32'], ['synPos', 'u8'], ['synLex', 'u8'],
  ['synOffset', 'i32'], ['synWordStart', 'i32'], ['synWords', 'i32'], ['synPtrStart', 'i32'], ['ptrKind', 'u8'],
  ['ptrTarget', 'i32'], ['ptrSource', 'u8'], ['ptrTargetWord', 'u8'],
] as const satisfies readonly (readonly [ArrayKey, 'i32' | 'u8'])[];

interface Header {
  format: number;
  key: string;
  sections: Record<string, [offset: number, byteLength: number]>;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** Encodes compiled data as the file's bytes. */
export function encodeLexicon(data: LexiconData): Uint8Array {
  const encoder = new TextEncoder();
  const parts: [string, Uint8Array][] = [
    ['words', encoder.encode(data.words.text)],
    ['wordStart', new Uint8Array(data.words.start.buffer, data.words.start.byteOffset, data.words.start.byteLength)],
    ['irregulars', encoder.encode(JSON.stringify(data.irregulars))],
    ...ARRAYS.map(([name]) => {
      const a = data[name];
      return [name, new Uint8Array(a.buffer, a.byteOffset, a.byteLength)] as [string, Uint8Array];
    }),
  ];
  const sections: Header['sections'] = {};
  let offset = 0;
  for (const [name, bytes] of parts) {
    sections[name] = [offset, bytes.byteLength];
    offset = pad4(offset + bytes.byteLength);
  }
  const header = encoder.encode(JSON.stringify({ format: FORMAT_VERSION, key: data.key, sections } satisfies Header));
  const bodyStart = pad4(8 + header.byteLength);
  const out = new Uint8Array(bodyStart + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.byteLength, true);
  out.set(header, 8);
  for (const [name, bytes] of parts) out.set(bytes, bodyStart + sections[name]![0]);
  return out;
}

/** Reads the header's key without decoding the rest; null when the bytes are not a compiled lexicon. */
export function readKey(bytes: Uint8Array): string | null {
  return readHeader(bytes)?.header.key ?? null;
}

function readHeader(bytes: Uint8Array): { header: Header; bodyStart: number } | null {
  if (bytes.byteLength < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return null;
  const length = view.getUint32(4, true);
  if (8 + length > bytes.byteLength) return null;
  try {
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Header;
    if (header.format !== FORMAT_VERSION || typeof header.key !== 'string') return null;
    return { header, bodyStart: pad4(8 + length) };
  } catch {
    return null;
  }
}

/**
 * Decodes a compiled file; the typed arrays are views on `bytes` (copied once if misaligned). Null when the
 * bytes are not a complete compiled lexicon of this format.
 */
export function decodeLexicon(input: Uint8Array): LexiconData | null {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const read = readHeader(bytes);
  if (!read) return null;
  const { header, bodyStart } = read;
  const section = (name: string): Uint8Array | null => {
    const s = header.sections[name];
    if (!s || bodyStart + s[0] + s[1] > bytes.byteLength) return null;
    return bytes.subarray(bodyStart + s[0], bodyStart + s[0] + s[1]);
  };
  const words = section('words');
  const wordStart = section('wordStart');
  const irregulars = section('irregulars');
  if (!words || !wordStart || !irregulars) return null;
  const decoder = new TextDecoder();
  const arrays: Partial<Record<ArrayKey, Int32Array | Uint8Array>> = {};
  for (const [name, type] of ARRAYS) {
    const s = section(name);
    if (!s) return null;
    arrays[name] = type === 'i32' ? new Int32Array(s.buffer, s.byteOffset, s.byteLength / 4) : s;
  }
  return {
    key: header.key,
    words: new WordList(decoder.decode(words), new Int32Array(wordStart.buffer, wordStart.byteOffset, wordStart.byteLength / 4)),
    irregulars: JSON.parse(decoder.decode(irregulars)) as LexiconData['irregulars'],
    ...(arrays as Record<ArrayKey, never>),
  };
}

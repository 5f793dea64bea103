// Vectors as D1 text: a BLOB comes back from D1 as an array of numbers (slow to read in bulk),
// base64 text comes back as a string. Mostly-zero vectors (the hashing embedder's) are stored
// sparse, several times smaller, which is what a full scan reads.
//
// Layout (little-endian): kind (1 = dense, 2 = sparse), uint16 dimensions, then float32 values
// (dense) or (uint16 index, float32 value) pairs (sparse).

const DENSE = 1;
const SPARSE = 2;
const HEADER = 3;

/** Encodes a vector compactly as base64 text. */
export function encodeVector(values: number[]): string {
  let nonZero = 0;
  for (const x of values) if (x !== 0) nonZero++;
  const sparse = nonZero * 6 < values.length * 4;
  const bytes = new Uint8Array(HEADER + (sparse ? nonZero * 6 : values.length * 4));
  const view = new DataView(bytes.buffer);
  view.setUint8(0, sparse ? SPARSE : DENSE);
  view.setUint16(1, values.length, true);
  let at = HEADER;
  values.forEach((x, i) => {
    if (!sparse) {
      view.setFloat32(at, x, true);
      at += 4;
    } else if (x !== 0) {
      view.setUint16(at, i, true);
      view.setFloat32(at + 2, x, true);
      at += 6;
    }
  });
  let text = "";
  for (let i = 0; i < bytes.length; i += 4096) text += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return btoa(text);
}

/** Decodes {@link encodeVector}'s output back to a dense vector (float32 precision). */
export function decodeVector(encoded: string): number[] {
  const out: number[] = [];
  forEachEntry(encoded, (dimensions) => out.push(...new Array<number>(dimensions).fill(0)), (i, x) => (out[i] = x));
  return out;
}

/**
 * A function giving the exact cosine similarity between `query` and an encoded vector, without
 * building the stored vector (NaN when the dimensions differ or either vector is all zeros).
 */
export function cosineScorer(query: number[]): (encoded: string) => number {
  let queryNorm = 0;
  for (const x of query) queryNorm += x * x;
  queryNorm = Math.sqrt(queryNorm);
  return (encoded) => {
    let dot = 0;
    let norm = 0;
    let sameDimensions = true;
    forEachEntry(
      encoded,
      (dimensions) => (sameDimensions = dimensions === query.length),
      (i, x) => {
        dot += x * query[i]!;
        norm += x * x;
      },
    );
    if (!sameDimensions || norm === 0 || queryNorm === 0) return NaN;
    return dot / (Math.sqrt(norm) * queryNorm);
  };
}

function forEachEntry(encoded: string, header: (dimensions: number) => void, entry: (index: number, value: number) => void) {
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  const dimensions = view.getUint16(1, true);
  header(dimensions);
  if (view.getUint8(0) === SPARSE) {
    for (let at = HEADER; at + 6 <= bytes.length; at += 6) entry(view.getUint16(at, true), view.getFloat32(at + 2, true));
  } else {
    for (let i = 0; i < dimensions; i++) entry(i, view.getFloat32(HEADER + i * 4, true));
  }
}

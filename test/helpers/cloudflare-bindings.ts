// Stand-ins for the two bindings that have no local simulator (Workers AI, Vectorize). They only
// record the calls they receive and answer with the response shapes the platform documents and
// returns; they are used to check that the adapters call the bindings exactly as specified.

/** One call to `AI.run`. */
export interface AiCall {
  model: string;
  inputs: { text: string[] };
}

/**
 * An `AI` binding answering text-embedding calls with the shape Workers AI returns for
 * `@cf/baai/bge-base-en-v1.5`: `{ shape: [n, 768], data: number[n][768], pooling: "mean" }`.
 * `failures` are thrown by the first calls, in order.
 */
export function recordingAi(o: { failures?: Error[]; answer?: (texts: string[]) => unknown } = {}) {
  const calls: AiCall[] = [];
  const failures = [...(o.failures ?? [])];
  const ai = {
    run: async (model: string, inputs: { text: string[] }) => {
      calls.push({ model, inputs: structuredClone(inputs) });
      const failure = failures.shift();
      if (failure) throw failure;
      if (o.answer) return o.answer(inputs.text);
      return {
        shape: [inputs.text.length, 768],
        data: inputs.text.map((_, i) => Array.from({ length: 768 }, (_, d) => ((i + 1) * (d + 1)) % 7 / 7)),
        pooling: "mean",
      };
    },
  };
  return { ai: ai as unknown as Ai, calls };
}

/** A `VECTORIZE` binding recording upsert/deleteByIds/query; queries answer `matches`. */
export function recordingVectorize(o: { matches?: { id: string; score: number }[]; queryError?: Error } = {}) {
  const calls = {
    upsert: [] as VectorizeVector[][],
    deleteByIds: [] as string[][],
    query: [] as { vector: number[]; options: VectorizeQueryOptions }[],
  };
  const index = {
    upsert: async (vectors: VectorizeVector[]) => {
      calls.upsert.push(structuredClone(vectors));
      return { mutationId: crypto.randomUUID() };
    },
    deleteByIds: async (ids: string[]) => {
      calls.deleteByIds.push([...ids]);
      return { mutationId: crypto.randomUUID() };
    },
    query: async (vector: number[], options: VectorizeQueryOptions) => {
      calls.query.push({ vector: [...vector], options: structuredClone(options) });
      if (o.queryError) throw o.queryError;
      const matches = o.matches ?? [];
      return { count: matches.length, matches };
    },
  };
  return { index: index as unknown as VectorizeIndex, calls };
}

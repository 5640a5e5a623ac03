import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';

type Param<P> = <K extends keyof P & string>(name: K) => P[K];

/**
 * A query built and compiled by Kysely once, then only run. Kysely builds a query's syntax tree
 * and compiles it to SQL on every call; on the chunk upload path, which runs a few fixed queries
 * for every second of every recording, that was about a tenth of the server's CPU (V8 profile
 * at 250 recorders). `build` receives `param(name)`: a placeholder for a value given at each
 * run. Every other value in the query (a constant such as 'recording') is kept as compiled.
 */
export function compiledOnce<P extends Record<string, unknown>, R>(
  db: { executeQuery: Kysely<unknown>['executeQuery'] },
  build: (param: Param<P>) => Compilable<R>,
): (params: P) => Promise<QueryResult<R>> {
  let compiled: { query: CompiledQuery<R>; slots: ({ name: string } | { value: unknown })[] };
  const compile = () => {
    const markers = new Map<string, string>();
    const param = ((name: string) => {
      // A string no caller could send: NUL is refused in every text the API takes.
      const marker = `\u0000param:${name}\u0000`;
      markers.set(marker, name);
      return marker;
    }) as Param<P>;
    const query = build(param).compile();
    const slots = query.parameters.map((value) => {
      const name = typeof value === 'string' ? markers.get(value) : undefined;
      return name === undefined ? { value } : { name };
    });
    for (const name of markers.values()) {
      if (!slots.some((slot) => 'name' in slot && slot.name === name)) {
        throw new Error(`compiledOnce: the placeholder ${name} did not become a query parameter`);
      }
    }
    return { query, slots };
  };
  return async (params) => {
    compiled ??= compile();
    const parameters = compiled.slots.map((slot) =>
      'name' in slot ? params[slot.name] : slot.value,
    );
    return (db as Kysely<unknown>).executeQuery<R>({ ...compiled.query, parameters });
  };
}

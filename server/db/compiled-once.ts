import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';

type Param<P> = <K extends keyof P & string>(name: K) => P[K];
/** Where a compiled query runs: the database, or a transaction on it. */
type Executor = { executeQuery: Kysely<unknown>['executeQuery'] };

/**
 * A query built and compiled by Kysely once, then only run. Kysely builds a query's syntax tree
 * and compiles it to SQL on every call; on the chunk upload path, which runs a few fixed queries
 * for every second of every recording, that was about a tenth of the server's CPU (V8 profile
 * at 250 recorders). `build` receives `param(name)`: a placeholder for a value given at each
 * run. Every other value in the query (a constant such as 'recording') is kept as compiled.
 */
export function compiledOnce<P extends Record<string, unknown>, R>(
  db: Executor,
  build: (param: Param<P>) => Compilable<R>,
): (params: P, on?: Executor) => Promise<QueryResult<R>> {
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
  return async (params, on = db) => {
    compiled ??= compile();
    const parameters = compiled.slots.map((slot) =>
      'name' in slot ? params[slot.name] : slot.value,
    );
    return (on as Kysely<unknown>).executeQuery<R>({ ...compiled.query, parameters });
  };
}

/**
 * `build(db)` run once per database and kept: where compiledOnce queries are built for the
 * database a caller passes in (tests open several databases in one process).
 */
export function oncePerDatabase<D extends object, T>(build: (db: D) => T): (db: D) => T {
  const built = new WeakMap<D, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
}

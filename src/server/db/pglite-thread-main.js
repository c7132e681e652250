// The database thread's code (see pglite-thread.ts), kept as plain JavaScript because the server
// starts it from this text: nothing a bundler or a compiler adds may reach it. Builtins come from
// process.getBuiltinModule and PGlite from the path the server resolved, since an evaluated worker
// has no module of its own to import from.
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
const { createRequire } = process.getBuiltinModule('node:module');
const { PGlite } = createRequire(workerData.pglite)(workerData.pglite);

const { dataDir, pgliteWasmModule, initdbWasmModule } = workerData;
const opened = PGlite.create(dataDir, { pgliteWasmModule, initdbWasmModule });
/** Open transactions by id: PGlite's own, held open until the server thread ends them. */
const transactions = new Map();
let nextTransaction = 1;
// Drizzle keeps some types as the text PostgreSQL sent (dates, timestamps, intervals) with parsers
// that return their input; functions cannot cross threads, so the server names those types.
const asText = (value) => value;

function errorFields(error) {
  const fields = { message: error instanceof Error ? error.message : String(error) };
  if (error && typeof error === 'object') {
    for (const [key, value] of Object.entries(error)) if (typeof value !== 'object' && typeof value !== 'function') fields[key] = value;
  }
  return fields;
}

function begin(db) {
  const id = nextTransaction++;
  return new Promise((begun) => {
    const done = db
      .transaction(
        (tx) =>
          new Promise((commit, rollBack) => {
            transactions.set(id, { tx, done, end: (ok) => (ok ? commit() : rollBack(new Error('Rolled back by the server'))) });
            begun(id);
          }),
      )
      .finally(() => transactions.delete(id));
    // Awaited when the transaction is ended; this only keeps a rollback from counting as unhandled.
    done.catch(() => undefined);
  });
}

async function run(db, command) {
  const target = command.tx === undefined ? db : transactions.get(command.tx).tx;
  switch (command.op) {
    case 'query':
      return target.query(command.sql, command.params, { rowMode: command.rowMode, parsers: Object.fromEntries(command.rawTypes.map((type) => [type, asText])) });
    case 'exec':
      return target.exec(command.sql);
    case 'begin':
      return begin(db);
    case 'end': {
      const open = transactions.get(command.tx);
      open.end(command.commit);
      // A failed COMMIT rejects here and reaches the server as the error it is.
      return command.commit ? open.done : open.done.catch(() => undefined);
    }
    case 'close':
      return db.close();
  }
}

parentPort.on('message', ({ id, command }) => {
  opened
    .then((db) => run(db, command))
    .then(
      (value) => parentPort.postMessage({ id, value: command.op === 'end' ? undefined : value }),
      (error) => parentPort.postMessage({ id, error: errorFields(error) }),
    );
});

// The payload kinds of the "check anything" view: the command-line tool's kinds (one table,
// in the package: pkg-template/cli/kinds.cjs), each checked with the web build here.
import * as api from 'connect-preflight';
import kinds from '../pkg-template/cli/kinds.cjs';

export const KINDS = Object.fromEntries(
  Object.entries(kinds.KINDS).map(([name, kind]) => {
    const check = (text) => {
      const { report, search, matrix } = kind.check(api, text);
      return { report, output: search ?? (matrix && JSON.stringify(matrix, null, 2)) };
    };
    return [name, { what: kind.what, language: kind.language, check }];
  }),
);

/** The kind of `text` as a user types it: a best guess (the command line is strict). */
export const detectKind = (text) => kinds.detectKind(text);

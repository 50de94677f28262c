import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, visit } from 'graphql';
import { FieldProblem, InputError } from './errors';

const NUL = '\u0000';
const MESSAGE = 'must not contain NUL bytes (\\u0000)';

/** Every string in the variables (by path) and every string literal in the document that holds a NUL byte. */
export function nulBytes(variables: Record<string, unknown> | undefined, document?: DocumentNode): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const message = MESSAGE;
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (value.includes(NUL)) problems.push({ field: path, message, code: 'nulByte' });
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(variables ?? {}, '');
  if (document) problems.push(...literalNulBytes(document));
  return problems;
}

/** The document's own string literals are the same on every request: scanned once per parsed document (Apollo reuses it for the same query text). */
const literalProblems = new WeakMap<DocumentNode, FieldProblem[]>();

function literalNulBytes(document: DocumentNode): FieldProblem[] {
  let problems = literalProblems.get(document);
  if (problems) return problems;
  const found: FieldProblem[] = [];
  visit(document, {
    Argument(node) {
      visit(node.value, {
        StringValue(s) {
          if (s.value.includes(NUL)) found.push({ field: node.name.value, message: MESSAGE, code: 'nulByte' });
        },
      });
    },
  });
  problems = found;
  literalProblems.set(document, problems);
  return problems;
}

/**
 * NUL bytes in any string (search, comments, imported names, login...) are refused before anything
 * runs: PostgreSQL text cannot hold them, so they used to surface as internal errors.
 */
export function nulBytesPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const problems = nulBytes(request.variables, document);
          if (problems.length > 0) throw new InputError(problems);
        },
      };
    },
  };
}

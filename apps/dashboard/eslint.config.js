import { leaderscope } from '@leaderscope/eslint-config';
import formatjs from 'eslint-plugin-formatjs';
import { defineConfig } from 'eslint/config';

/** The text a `formatjs/no-literal-string-in-jsx` report points at (a JSX text, a string or template literal, an attribute). */
function reportedText(node) {
  if (node.type === 'JSXAttribute') return node.value ? reportedText(node.value) : '';
  if (node.type === 'JSXText' || node.type === 'Literal') return String(node.value);
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? '').join('');
  return 'text';
}

/**
 * formatjs's rule, less the strings without a letter in them (' ', '—', '·', '%', ': '): layout and
 * punctuation between translated parts, which a translation does not change word by word.
 */
const noWordsInJsx = {
  meta: formatjs.rules['no-literal-string-in-jsx'].meta,
  create(context) {
    const filtered = Object.create(context, {
      report: {
        value: (descriptor) => {
          if (/\p{L}/u.test(reportedText(descriptor.node))) context.report(descriptor);
        },
      },
    });
    return formatjs.rules['no-literal-string-in-jsx'].create(filtered);
  },
};

export default defineConfig(leaderscope({ dir: import.meta.dirname, react: true, esm: true, ignores: ['src/gql/'] }), {
  // Every user-facing string goes through react-intl (the feature's messages.ts): no words written
  // straight into JSX, nor into the props a person reads or hears (labels, titles, placeholders...).
  files: ['src/**/*.tsx'],
  ignores: ['src/**/*.test.tsx', 'src/test/**'],
  plugins: { leaderscope: { rules: { 'no-words-in-jsx': noWordsInJsx } } },
  rules: {
    'leaderscope/no-words-in-jsx': [
      'error',
      { props: { include: [['*', '{aria-label,aria-description,aria-valuetext,title,placeholder,alt,label,description,error}']] } },
    ],
  },
});

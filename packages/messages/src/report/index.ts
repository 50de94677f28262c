export * from './figures';
export * from './document';
export { reportMessages } from './messages';
export { visibleText, figuresIn } from './visible-text';

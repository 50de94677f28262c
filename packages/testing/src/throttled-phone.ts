/**
 * A rater's phone on a poor network, as the browser journey and the bench's measure 8 play it:
 * Chromium's "Slow 4G" profile (DevTools' preset) and a 4× slower CPU, sent through the page's
 * DevTools session (`Network.emulateNetworkConditions`, `Emulation.setCPUThrottlingRate`).
 */
export const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
export const PHONE_CPU_SLOWDOWN = 4;
/** What undoes SLOW_4G. */
export const NO_THROTTLING = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

/**
 * An init script (`page.addInitScript(NOTE_FIRST_QUESTION)`): the page records when its first
 * question (a radio group) was drawn, in ms since the navigation started: `window.firstQuestionAt`
 * is taken in a task queued from the first animation frame after the element appeared, so after
 * that frame's style, layout and paint (the element being in the document is not the question on
 * the screen: a parsed page still has its styles and layout to do, on a slow CPU). When it entered
 * the document is kept too, as `window.firstQuestionInDocumentAt`.
 */
export const NOTE_FIRST_QUESTION = `new MutationObserver((_, observer) => {
  if (document.querySelector('[role=radiogroup]')) {
    observer.disconnect();
    window.firstQuestionInDocumentAt = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.firstQuestionAt = performance.now(); }, 0));
  }
}).observe(document, { childList: true, subtree: true });`;

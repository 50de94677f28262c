import type { Block, ReportDocument } from './document';

/**
 * Every piece of text a reader sees in a report description, in order: what the screen shows and
 * the PDF prints. Tests of both renderers compare their output against it. (Words only for
 * assistive technology — captions, aria labels — are left out; so is an "empty" sentence when its
 * list has entries.)
 */
export function visibleText(document: ReportDocument): string[] {
  const out: string[] = [document.subtitle, document.guide.title];
  for (const p of document.guide.parts) out.push(p.heading, p.text);
  for (const s of document.stats) out.push(s.label, s.value, ...(s.bandLabel ? [s.bandLabel] : s.hint ? [s.hint] : []));
  for (const section of document.sections) {
    out.push(section.title);
    if (section.description) out.push(section.description);
    if (section.help) out.push(section.help);
    for (const block of section.blocks) out.push(...blockText(block));
  }
  return out.filter((t) => t !== '');
}

function blockText(block: Block): string[] {
  switch (block.kind) {
    case 'radar':
      return [block.legend.others, block.legend.self, block.legend.target, ...block.axes.map((a) => a.label)];
    case 'ranked':
      return [block.title, ...(block.items.length ? block.items.flatMap((i) => [i.name, i.detail, i.chip]) : [block.empty])];
    case 'findings':
      return [block.title, block.note, ...(block.items.length ? block.items.flatMap((i) => [i.name, i.detail]) : [block.empty])];
    case 'risks':
      return block.items.length ? block.items.flatMap((r) => [r.name, r.statusLabel, r.description, r.detail]) : [block.empty];
    case 'groupBars':
      return block.dimensions.flatMap((d) => [
        d.name,
        d.targetText,
        d.chip,
        ...d.rows.flatMap((r) => [r.label, r.nText ?? '', r.valueText, r.suppressedText ?? '']),
      ]);
    case 'subheading':
      return [block.text];
    case 'bullets':
      return block.items.flatMap((i) => [i.strong, i.text]);
    case 'itemBars':
      return [block.title, ...(block.items.length ? block.items.flatMap((i) => [i.label, i.valueText]) : [block.empty])];
    case 'text':
      return [block.text];
    case 'table':
      return [...block.columns.map((c) => c.label), ...block.rows.flatMap((r) => r.cells.flatMap((c) => [c.text, c.detail ?? '']))];
    case 'readiness':
      return block.items.length ? block.items.flatMap((r) => [r.name, r.statusLabel, r.detail]) : [block.empty];
    case 'comments':
      return block.groups.length ? block.groups.flatMap((g) => [g.title, ...g.comments.flatMap((c) => [c.text, c.group])]) : [block.empty];
  }
}

/** Figures as the report writes them ("3.80", "−0.25", "+0.20", "82nd of 12"): the numbers to compare. */
export function figuresIn(texts: readonly string[]): string[] {
  return texts.flatMap((t) => t.match(/[−+]?\d+\.\d{2}/g) ?? []);
}

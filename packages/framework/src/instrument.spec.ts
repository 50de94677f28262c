import { DEFAULT_INSTRUMENT_ID, getInstrument, InstrumentDefinition, RATER_GROUP_VALUES } from './index';

const AREAS = [
  'develops-leaders',
  'accountable-for-leading',
  'leads-through-leaders',
  'alignment',
  'organisational-capability',
  'keeps-on-track',
  'across-value-chain',
  'leads-up',
  'shares-control',
  'leads-process-and-people',
  'work-values-and-time',
];

describe.each([1, 2])('built-in leader-of-leaders instrument v%i', (version) => {
  const inst: InstrumentDefinition = getInstrument(DEFAULT_INSTRUMENT_ID, version);

  it('covers the eleven areas of framework.md as dimensions, in order', () => {
    expect(inst.dimensions.map((d) => d.id)).toEqual(AREAS);
    for (const d of inst.dimensions) {
      expect(d.name.length).toBeGreaterThan(3);
      expect(d.description.length).toBeGreaterThan(20);
    }
  });

  it('has 3 to 6 behavioural items per dimension, each naming who can observe it', () => {
    for (const d of inst.dimensions) {
      const n = inst.items.filter((it) => it.dimensionId === d.id).length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
    }
    for (const it of inst.items) {
      expect(it.observers.length).toBeGreaterThan(0);
      for (const g of it.observers) expect(RATER_GROUP_VALUES).toContain(g);
      expect(it.text).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('lets every rater group see something, and skip-level raters see leading-through-leaders items', () => {
    for (const g of RATER_GROUP_VALUES) expect(inst.items.some((it) => it.observers.includes(g))).toBe(true);
    expect(
      inst.items.filter((it) => it.dimensionId === 'leads-through-leaders' && it.observers.includes('skip_level')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      inst.items
        .filter((it) => it.observers.includes('other'))
        .every((it) => ['alignment', 'organisational-capability', 'across-value-chain', 'leads-up'].includes(it.dimensionId)),
    ).toBe(true);
  });

  it('reverse-scores the pitfall items (bypassing leaders, technical skill only, own unit first)', () => {
    const reversed = new Set(inst.items.filter((it) => it.reverse).map((it) => it.id));
    for (const id of ['al-3', 'lt-2', 'lt-3', 'vc-3', 'wv-3', 'sc-5']) expect(reversed).toContain(id);
    const byId = new Map(inst.items.map((it) => [it.id, it]));
    expect(byId.get('lt-2')!.text).toMatch(/without involving their leader/);
    expect(byId.get('al-3')!.text).toMatch(/technical/);
    expect(byId.get('vc-3')!.text).toMatch(/own unit/);
  });

  it('uses a labelled 5-point frequency scale with "not able to rate"', () => {
    expect(inst.scale).toEqual({
      min: 1,
      max: 5,
      labels: ['Almost never', 'Rarely', 'Sometimes', 'Often', 'Almost always'],
      notAbleToRate: 'Not able to rate',
    });
  });

  it('has role profiles for leader of leaders, leader of others and function head with a target per dimension', () => {
    expect(inst.roleProfiles.map((p) => p.id)).toEqual(['leader-of-leaders', 'leader-of-others', 'function-head']);
    const [lol, loo, head] = inst.roleProfiles;
    for (const p of inst.roleProfiles) expect(Object.keys(p.targets).sort()).toEqual([...AREAS].sort());
    // the leader-of-leaders bar sits above leader of others and at or below function head, everywhere
    for (const d of AREAS) {
      expect(lol.targets[d]).toBeGreaterThan(loo.targets[d]);
      expect(head.targets[d]).toBeGreaterThanOrEqual(lol.targets[d]);
    }
  });

  it('defines the five typical transition risks, each from items and rater groups that can see them', () => {
    expect(inst.transitionRisks.map((r) => r.id)).toEqual([
      'not-developing-leaders',
      'technical-proficiency-only',
      'bypassing-leaders',
      'own-unit-focus',
      'mixed-team-difficulty',
    ]);
    const byId = new Map(inst.items.map((it) => [it.id, it]));
    for (const r of inst.transitionRisks) {
      expect(r.signals.length).toBeGreaterThanOrEqual(2);
      expect(r.rule.minSignals).toBeLessThanOrEqual(r.signals.length);
      for (const s of r.signals) for (const g of s.groups) expect(byId.get(s.itemId)!.observers).toContain(g);
    }
    const bypass = inst.transitionRisks.find((r) => r.id === 'bypassing-leaders')!;
    expect(bypass.signals.some((s) => s.groups.includes('skip_level'))).toBe(true);
    const ownUnit = inst.transitionRisks.find((r) => r.id === 'own-unit-focus')!;
    expect(ownUnit.signals.every((s) => s.groups.every((g) => g !== 'direct_report'))).toBe(true);
  });
});

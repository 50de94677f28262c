'use strict';
/**
 * Deterministic synthetic organisation (seeded): `leaders` leaders of leaders, each with 3 team
 * leads who each lead 2 people (10 employees per leader); leaders grouped 5 under a head (so 4
 * peers each), heads under one chief executive. proposeRaters then gives each leader self,
 * manager, 4 peers, 3 direct reports and 6 skip-levels: 15 rater assignments per leader.
 *
 *   S:    100 leaders →   1,021 employees,   1,500 assignments
 *   M:  1,000 leaders →  10,201 employees,  15,000 assignments
 *   L: 10,000 leaders → 102,001 employees, 150,000 assignments (≈ 6 million answers)
 */
const SIZES = { S: 100, M: 1000, L: 10000 };

/** mulberry32: a small, fast, seeded PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ada',
  'Alan',
  'Grace',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Claude',
  'Katherine',
  'Dorothy',
  'John',
  'Radia',
  'Ken',
  'Leslie',
  'Margaret',
  'Niklaus',
  'Tim',
  'Vint',
  'Shafi',
  'Robin',
];
const LAST = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Shannon',
  'Johnson',
  'Vaughan',
  'Backus',
  'Perlman',
  'Thompson',
  'Lamport',
  'Hamilton',
  'Wirth',
  'Berners',
  'Cerf',
  'Goldwasser',
  'Milner',
];

function generateOrganisation(leaders, seed = 42) {
  const random = rng(seed);
  const people = [];
  const add = (id, manager, title) => {
    const name = `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]} ${id}`;
    people.push({ id, name, email: `${id.toLowerCase()}@bench.example`, manager, title });
  };
  add('CEO', '', 'Chief Executive');
  const heads = Math.ceil(leaders / 5);
  for (let h = 0; h < heads; h++) add(`H${h}`, 'CEO', 'Head');
  const leaderIds = [];
  for (let l = 0; l < leaders; l++) {
    const id = `L${l}`;
    leaderIds.push(id);
    add(id, `H${Math.floor(l / 5)}`, 'Leader of leaders');
    for (let t = 0; t < 3; t++) {
      add(`${id}T${t}`, id, 'Team lead');
      for (let e = 0; e < 2; e++) add(`${id}T${t}E${e}`, `${id}T${t}`, '');
    }
  }
  const csv =
    ['employee_id,name,email,manager_id,title,department']
      .concat(people.map((p) => `${p.id},${p.name},${p.email},${p.manager},${p.title},Bench`))
      .join('\n') + '\n';
  // Each leader's "true" level per dimension and each rater's leniency: answers are seeded draws around them.
  const level = new Map(leaderIds.map((id) => [id, 2 + random() * 2.5]));
  return { people, leaderIds, csv, level, random };
}

/** Answers to `itemIds` around the leader's level (reverse-scored items mirrored), with some "not able to rate". */
function answersFor(random, level, items) {
  return items.map((item) => {
    if (random() < 0.03) return { itemId: item.id, value: null };
    const v = Math.max(1, Math.min(5, Math.round(level + (random() - 0.5) * 2.2)));
    return { itemId: item.id, value: item.reverse ? 6 - v : v };
  });
}

module.exports = { SIZES, rng, generateOrganisation, answersFor };

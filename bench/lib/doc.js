'use strict';
/**
 * Keeps docs/benchmarks.md's figures current: each size has its own block between
 * `<!-- bench:<size>:start -->` and `<!-- bench:<size>:end -->`, rewritten by every run of that
 * size; the rest of the page (targets, analysis) is written by hand.
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');

const ratio = (a, b) => (a === null || b === null || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);
const ms = (x) => (x === null || x === undefined ? '–' : x >= 10000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const yes = (ok) => (ok ? 'met' : '**missed**');

/** The tables autovacuum worked on during the phase, longest first (since session 20). */
function autovacuumNote(seconds) {
  if (!seconds) return '';
  const entries = Object.entries(seconds);
  if (entries.length === 0) return '; no autovacuum meanwhile';
  const shown = entries.slice(0, 3).map(([table, s]) => `${table.replace(/^VACUUM (ANALYZE )?/, '')} ${s} s`);
  return `; autovacuum meanwhile: ${shown.join(', ')}${entries.length > 3 ? ` and ${entries.length - 3} more` : ''}`;
}

/**
 * Measure 2 in two parts (issue #16's "accepted → visible" with the anonymity rule in force): the
 * platform's lag, accepted → the response decided (stored, scored, the disclosure rule applied:
 * its response.counted), and, for what the rule shows, the submission that let it take the
 * snapshot → that snapshot's report.updated. The rule's own wait for later raters of the same
 * subject is by design (docs/anonymity.md) and shown beside them, not judged.
 */
function freshnessRows(fr, direct) {
  const what = `at ${fr.offeredPerSecond}/s offered (${fr.offered} submissions${direct ? ', API subset' : ''})`;
  const pcts = (x) =>
    x ? `p50 ${ms(x.p50Ms)}, p90 ${ms(x.p90Ms)}, p99 ${ms(x.p99Ms)}${x.maxMs !== undefined ? ` (max ${ms(x.maxMs)})` : ''}` : '–';
  if (!fr.decided)
    return [
      `| 2. freshness: accepted → report.updated ${what} | ${pcts(fr)} | 1 s | ${ratio(fr.p99Ms, 1000)} | p99 < 1 s | ${yes(fr.p99Ms !== null && fr.p99Ms < 1000)} |`,
    ];
  return [
    `| 2a. freshness, the platform's lag: accepted → response decided (stored, scored, disclosure rule applied) ${what} | ${pcts(fr.decided)}${fr.machineBusyPercent != null ? `; cores ${fr.machineBusyPercent}% busy` : ''}${autovacuumNote(fr.autovacuumSeconds)} | 1 s | ${ratio(fr.decided.p99Ms, 1000)} | p99 < 1 s | ${yes(fr.decided.p99Ms !== null && fr.decided.p99Ms < 1000)} |`,
    `| 2b. freshness, shown once allowed: the submission that let the rule take a snapshot → its report.updated | ${pcts(fr.shownOnceAllowed)} | 1 s | ${ratio(fr.shownOnceAllowed.p99Ms, 1000)} | p99 < 1 s | ${yes(fr.shownOnceAllowed.p99Ms !== null && fr.shownOnceAllowed.p99Ms < 1000)} |`,
    `| 2c. (not judged) accepted → first report.updated counting it, including the disclosure rule's wait for later raters | ${pcts(fr)}; the rule's wait ${pcts(fr.disclosureWait)} | | | by design | |`,
  ];
}

const SHORT = {
  'survey-service': 'survey',
  'scoring-service': 'scoring',
  postgres: 'PostgreSQL',
  kafka: 'broker',
  bench: 'load generator',
};
/**
 * What the ingestion cost the machine, from the same run (since session 20): every process's CPU
 * per accepted submission and how busy the cores were, and the rate those costs allow on this
 * machine's cores at best.
 */
function ingestionCpu(ing, cores) {
  const cpu = ing.cpuMsPerSubmission;
  if (!cpu || cpu.postgres === undefined) return '';
  const parts = Object.entries(cpu).filter(([, v]) => v !== null && v > 0);
  const total = parts.reduce((sum, [, v]) => sum + v, 0);
  const named = parts.map(([k, v]) => `${SHORT[k] ?? k.replace('scoring-service#', 'scoring #')} ${v}`).join(', ');
  return `; CPU per submission ${total.toFixed(2)} ms (${named}), cores ${ing.machineBusyPercent ?? '–'}% busy: at most ${Math.round((cores * 1000) / total).toLocaleString('en')}/s on ${cores} cores`;
}
function rawCpu(raw) {
  const cpu = raw.cpuMsPerMessage;
  if (!cpu) return '';
  return `; CPU per message ${((cpu.bench ?? 0) + (cpu.kafka ?? 0)).toFixed(2)} ms (producer ${cpu.bench ?? '–'}, broker ${cpu.kafka ?? '–'}), cores ${raw.machineBusyPercent ?? '–'}% busy`;
}

function block(r) {
  const f = r.figures;
  const m = r.machine;
  const ing = f.ingestion;
  const raw = f.rawProducer;
  const fr = f.freshness;
  const rp = f.replay;
  const rd = f.reads;
  const lines = [
    `### Size ${r.size}: ${r.leaders.toLocaleString('en')} leaders, ${r.organisation.people.toLocaleString('en')} people, ${r.organisation.assignmentsPerCycle.toLocaleString('en')} rater assignments per cycle (${r.organisation.answersInMainCycle.toLocaleString('en')} answers)`,
    '',
    `Run ${r.startedAt} (${r.durationSeconds} s) on ${m.nproc} CPU(s), ${m.memoryGiB} GiB, ${m.cpuModel}; Node ${m.node}; PostgreSQL ${m.postgresVersion} (${m.postgres}); Kafka broker, PostgreSQL, the services (gateway, survey service, ${(r.settings.scoringReplicas ?? 1) > 1 ? `${r.settings.scoringReplicas} scoring service processes sharing the partitions` : 'scoring service'}) and the benchmark share the machine. Raw result: \`bench/results/${r.startedAt.replace(/[:.]/g, '-')}-${r.size}.json\`.`,
    ...(r.code
      ? [
          '',
          `Code: commit \`${r.code.commit.slice(0, 7)}\`${r.code.uncommittedInAppsOrPackages.length ? `, with uncommitted changes in ${r.code.uncommittedInAppsOrPackages.map((l) => `\`${l.replace(/^\s*\S+\s+/, '')}\``).join(', ')} (the services run their built dist, so those changes are measured if they were built)` : ''}. Load average at start ${r.machine.loadAverageAtStart?.join(' / ') ?? '–'}, at end ${r.machine.loadAverageAtEnd?.join(' / ') ?? '–'} (1 / 5 / 15 min; anything else running on the machine shows here).${r.machine.quietAtStart ? ` Begun on a quiet machine: ${r.machine.quietAtStart.busyPercent}% busy over 2 s after a wait of ${Math.round(r.machine.quietAtStart.waitedMs / 100) / 10} s (at most 10%, waited for at most 2 minutes).` : ''}${r.machine.calibration ? ` Machine speed before the run (\`bench/lib/calibration.js\`, the fastest round; lower is faster): kernel ${r.machine.calibration.kernelMs} ms, ${r.machine.calibration.work} ${r.machine.calibration.ms} ms.` : ''}`,
        ]
      : []),
    ...(r.organisation.direct ? ['', generatedNote(r)] : []),
    '',
    '| measure | figure | limit (same run) | ratio | target | |',
    '| --- | --- | --- | --- | --- | --- |',
    `| 1. ingestion: submitSurvey accepted/s (${ing.concurrency} concurrent raters${r.organisation.direct ? `, ${ing.submissions.toLocaleString('en')} submissions, API subset` : ''}) | ${ing.perSecond}/s (p50 ${ms(ing.p50Ms)}, p99 ${ms(ing.p99Ms)})${ingestionCpu(ing, m.nproc)} | raw kafkajs producer, same payloads: ${raw.perSecond}/s (p50 ${ms(raw.p50Ms)}, p99 ${ms(raw.p99Ms)})${rawCpu(raw)} | ${ratio(ing.perSecond, raw.perSecond)} | ≥ 0.5× | ${yes(ing.perSecond >= raw.perSecond / 2)} |`,
    ...freshnessRows(fr, r.organisation.direct),
    `| 3. whole-cycle replay (${rp.subjects.toLocaleString('en')} subjects, ${rp.rows.toLocaleString('en')} responses${r.organisation.direct ? ', generated rows' : ''}) | ${ms(rp.replayMs)} | one SQL aggregation of the same group means over the same rows: ${ms(rp.sqlFloorMs)} | ${ratio(rp.replayMs, rp.sqlFloorMs)} | ≤ 3× and < 30 s${r.size === 'L' ? '' : ' (at L)'} | ${yes(rp.replayMs <= 3 * rp.sqlFloorMs && rp.replayMs < 30000)} |`,
    `| 4a. dashboard: subjectReport p95 | ${ms(rd.subjectReport.p95Ms)} (p50 ${ms(rd.subjectReport.p50Ms)}, ${rd.subjectReport.requests} requests${rd.quietWaitMs != null ? `; the reads began after waiting ${ms(rd.quietWaitMs)} for a quiet machine (${rd.busyBeforePercent}% busy then, ${rd.machineBusyPercent}% while the reads of 4a and 4b ran)` : ''}) | 100 ms | ${ratio(rd.subjectReport.p95Ms, 100)} | < 50 ms${r.size === 'L' ? '' : ' (at L)'} | ${yes(rd.subjectReport.p95Ms < 50)} |`,
    `| 4b. dashboard: cycleHeatmap p95 (a page of ${rd.cycleHeatmap.rows.toLocaleString('en')} rows of ${(rd.cycleHeatmap.totalCount ?? rd.cycleHeatmap.rows).toLocaleString('en')}, filtered and sorted on the server) | ${ms(rd.cycleHeatmap.p95Ms)} (p50 ${ms(rd.cycleHeatmap.p50Ms)}, ${rd.cycleHeatmap.requests} requests) | 100 ms | ${ratio(rd.cycleHeatmap.p95Ms, 100)} | < 100 ms${r.size === 'L' ? '' : ' (at L)'} | ${yes(rd.cycleHeatmap.p95Ms < 100)} |`,
    `| 5. peak resident memory (VmHWM) | gateway ${f.peakRssMiB.gateway} MiB, survey-service ${f.peakRssMiB['survey-service']} MiB, scoring-service ${Object.entries(
      f.peakRssMiB,
    )
      .filter(([k]) => k.startsWith('scoring-service'))
      .map(([, v]) => `${v}`)
      .join(
        ' + ',
      )} MiB | ${m.memoryGiB} GiB machine | | gateway < 400 MiB${r.size === 'L' ? '' : ' (at L)'} | ${yes(f.peakRssMiB.gateway < 400)} |`,
    ...(f.importPeople ? [importRow(f.importPeople)] : []),
    ...(f.setup
      ? [
          `| 7. propose + approve + launch ${f.setup.subjects.toLocaleString('en')} subjects through the API (createCycle, addSubjects 500 at a time, one proposeRaters and one approveNominations for the cycle, launchCycle; links opened with the secret as a mail would carry them; ${f.setup.assignments.toLocaleString('en')} assignments) | ${ms(f.setup.ms)}, ${f.setup.refused} refused | – | | < 120 s, nothing refused (10,000 subjects, at L) | ${yes(f.setup.ms < 120000 && f.setup.refused === 0)} |`,
        ]
      : []),
    ...(f.surveyPage
      ? [
          `| 8. survey page: first question visible on a phone (Chromium, Slow 4G and a 4× slower CPU, empty cache; ${f.surveyPage.pages} links) | p95 ${ms(f.surveyPage.firstQuestionP95Ms)} (p50 ${ms(f.surveyPage.firstQuestionP50Ms)}, max ${ms(f.surveyPage.firstQuestionMaxMs)}; the HTML in at p50 ${ms(f.surveyPage.htmlP50Ms)}${f.surveyPage.inDocumentP50Ms != null ? `, the question in the document at ${ms(f.surveyPage.inDocumentP50Ms)}, the first paint at ${ms(f.surveyPage.firstPaintP50Ms)}, the page's script in at ${ms(f.surveyPage.scriptP50Ms)}` : ''}; the gateway's open + render p50 ${ms(f.surveyPage.gatewayOpenP50Ms)} + ${ms(f.surveyPage.gatewayRenderP50Ms)}${f.surveyPage.quietWaitMaxMs != null ? `; each link opened on a quiet machine, waited for at most ${ms(f.surveyPage.quietWaitMaxMs)}, the machine then at most ${f.surveyPage.busyBeforeMaxPercent}% busy` : ''}) | – | | < 2.5 s | ${yes(f.surveyPage.firstQuestionP95Ms !== null && f.surveyPage.firstQuestionP95Ms < 2500)} |`,
        ]
      : []),
    '',
    `${r.organisation.direct ? 'Event path (the API cycles only): n' : 'N'}othing lost: accepted ${r.checks.acceptedByBench} (gateway ${r.checks.gatewayAccepted}) = stored ${r.checks.stored} = scored ${r.checks.scored} = counted in live reports ${r.checks.inReports}: **${r.checks.nothingLost ? 'yes' : 'NO'}**. Freshness: ${fr.accepted} accepted, ${fr.reportsMatched} matched to a report.updated (${fr.unmatched} unmatched), ${fr.reportEvents} report.updated events; accept latency at that load p50 ${ms(fr.acceptP50Ms)}, p99 ${ms(fr.acceptP99Ms)}.`,
  ];
  if (rp.storedRows !== undefined)
    lines.push(
      '',
      `Replay: stored ${rp.storedRows.toLocaleString('en')} = in the scoring service ${rp.rows.toLocaleString('en')}; in the disclosed snapshots ${(rp.disclosedRows ?? rp.rows).toLocaleString('en')} (raters the disclosure rule holds back are in no view) = counted in the replay's reports ${rp.scoredInReplay.toLocaleString('en')}, ${rp.scored.toLocaleString('en')} of ${rp.subjects.toLocaleString('en')} subjects scored: **${r.checks.replayStoredEqualsScored ? 'yes' : 'NO'}**.` +
        (rp.gatewayStoredMs != null
          ? ` The gateway had stored its ${rp.gatewayReports.toLocaleString('en')} reports ${rp.gatewayStoredMs.toLocaleString('en')} ms after it returned.`
          : '') +
        (rp.cycleResultInGatewayMs != null
          ? ` The cycle-level result the replay asks for (norms, reliability, ${rp.comparisonsInGateway.toLocaleString('en')} subjects' comparisons) was in the gateway ${rp.cycleResultInGatewayMs.toLocaleString('en')} ms after the replay began: **${r.checks.replayCycleScored ? 'yes' : 'NO'}**; the dashboard reads (4) began then.`
          : rp.gatewayStoredMs != null
            ? ' The dashboard reads (4) began then.'
            : ''),
    );
  if (f.operations || f.setup?.reminders) lines.push('', operationsNote(r));
  return lines.join('\n');
}

/** What HR does around the answers (not a target of issue #16): reminders, then close, release, export. */
function operationsNote(r) {
  const f = r.figures;
  const rm = f.setup?.reminders;
  const o = f.operations;
  const n = (x) => x.toLocaleString('en');
  const rss = (step) => `gateway VmHWM ${step.gatewayPeakRssMiB} MiB`;
  const parts = [];
  if (rm)
    parts.push(
      `sendReminders to the main cycle's ${n(rm.reminded)} raters before anyone answered ${ms(rm.ms)}, the reminders relayed ${ms(rm.relayedMs)} after the call (**${r.checks.remindedAll ? 'yes' : 'NO'}**; gateway VmHWM ${f.gatewayPeakRssMiBAfter?.reminders ?? '–'} MiB)`,
    );
  if (o)
    parts.push(
      ...(o.cycleProgress
        ? [
            `after the reads, on the cycle they read: the progress summary ${ms(o.cycleProgress.ms)} (${n(o.cycleProgress.submitted)} of ${n(o.cycleProgress.invited)} submitted; ${rss(o.cycleProgress)})`,
          ]
        : []),
      `cycleReliability and the first page of its projection ${ms(o.cycleReliability.ms)} (${ms(o.cycleReliability.summaryMs)} + ${ms(o.cycleReliability.projectionPageMs)}; ${n(o.cycleReliability.pageRows)} of ${n(o.cycleReliability.projectedSubjects)} leaders; ${rss(o.cycleReliability)})`,
      `closeCycle ${ms(o.closeCycle.ms)}, its closed-cycle result (${n(o.closeCycle.comparisons)} comparisons) in the gateway ${ms(o.closeCycle.resultInGatewayMs)} after the call (**${r.checks.closedCycleScored ? 'yes' : 'NO'}**; ${rss(o.closeCycle)}, ${o.closeCycle.gatewayPeakRssMiBAfterResult} MiB after the result)`,
      `releaseResults ${ms(o.releaseResults.ms)} (${n(o.releaseResults.published)} of ${n(o.liveReports)} reports published: **${r.checks.releasedAll ? 'yes' : 'NO'}**; ${rss(o.releaseResults)})`,
      `the results CSV (a single-use link, followed as the browser does) downloaded in ${ms(o.resultsCsv.ms)} (${(o.resultsCsv.bytes / 2 ** 20).toFixed(1)} MiB, ${n(o.resultsCsv.lines)} rows, ${n(o.resultsCsv.subjects)} subjects: **${r.checks.exportedAll ? 'yes' : 'NO'}**; gateway CPU ${ms(o.resultsCsv.gatewayCpuMs)}; ${rss(o.resultsCsv)})`,
      `one report's PDF ${ms(o.reportPdf.ms)} (${rss(o.reportPdf)})`,
    );
  return `Around the answers (no target; each step through the API as HR would, timed alone): ${parts.join('; ')}.`;
}

/** At L: what was generated as rows and what went through the API. */
function generatedNote(r) {
  const o = r.organisation;
  const g = o.generated;
  return [
    `**Generated vs. API.** Generated rows (bench/lib/load.js, multi-row \`INSERT … SELECT FROM unnest\` straight into the services' tables, loaded in ${g.loadSeconds} s): the organisation (${g.people.toLocaleString('en')} people in gateway.person) and one launched cycle over all ${r.leaders.toLocaleString('en')} leaders`,
    `(${g.cycleSubjects.toLocaleString('en')} cycle_subject rows, ${g.nominations.toLocaleString('en')} approved nominations, ${g.assignments.toLocaleString('en')} submitted assignments, ${g.responses.toLocaleString('en')} survey.response and as many scoring.rater_response rows, ${g.answers.toLocaleString('en')} answers), drawn from the same seeded generator as the API runs.`,
    `Each of its subjects then got the live snapshot the scoring service's own disclosure rule takes (\`takeLiveSnapshot\`, every rater at once; ${(g.disclosedSubjects ?? 0).toLocaleString('en')} subjects with a disclosed snapshot), so the replay has what it may show.`,
    `That cycle is what the replay (3) reads and what the dashboard reads (4) query; it has no live reports of its own, so the replay's reports, published by the scoring service's relay and stored by the gateway's report.updated consumer, are copied into the gateway's live result set before the reads.`,
    `Through the API and the event path: the HR account (provisionOrganisation), then ${o.apiCycles} cycle(s) over the first ${o.apiLeaders.toLocaleString('en')} leaders of the same organisation (createCycle, addSubjects, proposeRaters, approveNominations, launchCycle, submitSurvey; the links opened with the secret as a mail would carry them):`,
    `ingestion (1) submits ${o.apiAssignmentsPerCycle.toLocaleString('en')} surveys (${o.answersInApiMainCycle.toLocaleString('en')} answers) and freshness (2) offers ${r.figures.freshness.offered.toLocaleString('en')} submissions at ${r.settings.rate}/s on a further cycle, as at S and M, against tables of the full size. The raw-producer limit sends the same ${o.apiAssignmentsPerCycle.toLocaleString('en')} payloads.`,
    `Peak memory (5) covers the whole run: the three service processes handled the API cycles and the ${r.figures.replay.subjects.toLocaleString('en')} replay reports (relay and gateway consumer), the replay itself runs in the benchmark's process, as at S and M.`,
  ].join(' ');
}

function updateDoc(path, result) {
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\n## Figures\n';
  const start = `<!-- bench:${result.size}:start -->`;
  const end = `<!-- bench:${result.size}:end -->`;
  const content = `${start}\n${block(result)}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) doc = doc.slice(0, i) + content + doc.slice(j + end.length);
  else {
    const anchor = '<!-- bench:figures -->';
    if (doc.includes(anchor)) doc = doc.replace(anchor, `${anchor}\n\n${content}`);
    else doc = `${doc.trimEnd()}\n\n${content}\n`;
  }
  doc = appendHistory(doc, result);
  writeFileSync(path, doc);
}

/**
 * One line per run in the history table (never rewritten), so a figure's drift over commits and
 * machine load is visible.
 */
function appendHistory(doc, r) {
  const f = r.figures;
  const anchor = '<!-- bench:history:end -->';
  if (!doc.includes(anchor)) {
    doc =
      `${doc.trimEnd()}\n\n## History\n\nEvery run, oldest first (appended by \`npm run bench\`). Load average: 1 / 5 / 15 min at the start of the run.\n\n` +
      '| date | size | commit | load average | speed (kernel / work) | ingestion ÷ raw | freshness p99 | replay ÷ floor | subjectReport p95 | heatmap p95 (page) | import ÷ COPY | setup | gateway RSS |\n' +
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
      `${anchor}\n`;
  }
  const row = [
    r.startedAt.slice(0, 16).replace('T', ' '),
    r.size +
      (r.organisation.direct ? ' (generated rows)' : '') +
      ((r.settings.scoringReplicas ?? 1) > 1 ? `, scoring ×${r.settings.scoringReplicas}` : ''),
    `\`${(r.code?.commit ?? '').slice(0, 7)}\`${r.code?.uncommittedInAppsOrPackages?.length ? ' +changes' : ''}`,
    r.machine.loadAverageAtStart?.join(' / ') ?? '–',
    // the machine's speed before the run (bench/lib/calibration.js, ms; since session 29)
    r.machine.calibration ? `${r.machine.calibration.kernelMs} / ${r.machine.calibration.ms} ms` : '–',
    // the raw producer's own rate beside the ratio: the machine's speed at the time (since session 8)
    `${ratio(f.ingestion.perSecond, f.rawProducer.perSecond)} (raw ${Math.round(f.rawProducer.perSecond)}/s)`,
    f.freshness.decided
      ? `${ms(f.freshness.decided.p99Ms)} decided, ${ms(f.freshness.shownOnceAllowed.p99Ms)} shown once allowed (${ms(f.freshness.p99Ms)} with the rule's wait)`
      : ms(f.freshness.p99Ms),
    `${ratio(f.replay.replayMs, f.replay.sqlFloorMs)} (${ms(f.replay.replayMs)})`,
    ms(f.reads.subjectReport.p95Ms),
    ms(f.reads.cycleHeatmap.p95Ms),
    importRatios(f.importPeople),
    f.setup ? ms(f.setup.ms) : '–',
    `${f.peakRssMiB.gateway} MiB`,
  ];
  // Right after the table's last row: prettier puts a blank line between the table and the anchor,
  // and a row written after that blank line starts a second table (the history was split that way).
  return doc.replace(/\n*(<!-- bench:history:end -->)/, `\n| ${row.join(' | ')} |\n\n$1`);
}

/**
 * Measure 6. Judged against the COPY of the same rows into a table of the directory's shape
 * (`copyIntoDirectoryMs`, since session 7); the COPY into a bare table (`copyMs`) is shown beside it.
 * Results from before session 7 have only the bare COPY, and are judged against it as they were.
 */
function importRow(imp) {
  const total = imp.dryRunMs + imp.applyMs;
  const judged = imp.copyIntoDirectoryMs ?? imp.copyMs;
  const limit =
    imp.copyIntoDirectoryMs != null
      ? `\`COPY\` of the same rows into a table of \`gateway.person\`'s shape (its indexes and foreign keys): ${ms(imp.copyIntoDirectoryMs)}; into a bare table: ${ms(imp.copyMs)} (${ratio(total, imp.copyMs)}, not judged)`
      : `\`COPY\` of the same rows: ${ms(imp.copyMs)}`;
  const met = judged != null && total <= 5 * judged && total < 60000;
  return `| 6. importPeople of ${imp.people.toLocaleString('en')} people through the API (dry run, then apply; ${(imp.csvBytes / 2 ** 20).toFixed(1)} MiB CSV) | ${ms(total)} (dry run ${ms(imp.dryRunMs)}, apply ${ms(imp.applyMs)}) | ${limit} | ${ratio(total, judged)} | ≤ 5× and < 60 s | ${yes(met)} |`;
}

function importRatios(imp) {
  if (!imp || !imp.copyMs) return '–';
  const total = imp.dryRunMs + imp.applyMs;
  return imp.copyIntoDirectoryMs != null
    ? `${ratio(total, imp.copyIntoDirectoryMs)} (bare ${ratio(total, imp.copyMs)})`
    : ratio(total, imp.copyMs);
}

module.exports = { updateDoc, block };

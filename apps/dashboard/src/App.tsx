import { gql } from '@apollo/client';
import { useLazyQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';

const SUBJECT_REPORT = gql`
  query SubjectReport($cycleId: String!, $subjectId: String!) {
    subjectReport(cycleId: $cycleId, subjectId: $subjectId) {
      cycleId
      subjectId
      reportVersion
      responseCount
      scoredAt
      dimensions {
        dimensionId
        gap
        others { n mean suppressed suppressionReason ciLow ciHigh }
      }
    }
  }
`;

interface ReportData {
  subjectReport: null | {
    reportVersion: number;
    responseCount: number;
    scoredAt: string;
    dimensions: {
      dimensionId: string;
      gap: number | null;
      others: { n: number; mean: number | null; suppressed: boolean; suppressionReason: string | null; ciLow: number | null; ciHigh: number | null };
    }[];
  };
}

export function App() {
  const [cycleId, setCycleId] = useState('demo-cycle');
  const [subjectId, setSubjectId] = useState('demo-subject');
  const [load, { data, loading, error }] = useLazyQuery<ReportData>(SUBJECT_REPORT, { fetchPolicy: 'network-only' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load({ variables: { cycleId, subjectId } });
  };

  const report = data?.subjectReport;
  return (
    <main>
      <header>
        <h1>Leaderscope</h1>
        <p>360-degree feedback for leaders of leaders.</p>
      </header>
      <form onSubmit={submit} aria-label="Find a report">
        <label>
          Cycle <input value={cycleId} onChange={(e) => setCycleId(e.target.value)} />
        </label>
        <label>
          Subject <input value={subjectId} onChange={(e) => setSubjectId(e.target.value)} />
        </label>
        <button type="submit">Show report</button>
      </form>
      {loading && <p role="status">Loading the report…</p>}
      {error && <p role="alert">Could not load the report: {error.message}</p>}
      {data && !report && <p role="status">No responses have been scored for this subject yet.</p>}
      {report && (
        <section aria-label="Report">
          <p>
            Report version {report.reportVersion}, {report.responseCount} responses, scored {new Date(report.scoredAt).toLocaleString()}.
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col">Others (n)</th>
                <th scope="col">Mean</th>
                <th scope="col">95% interval</th>
                <th scope="col">Self − others</th>
              </tr>
            </thead>
            <tbody>
              {report.dimensions.map((d) => (
                <tr key={d.dimensionId}>
                  <th scope="row">{d.dimensionId}</th>
                  <td>{d.others.n}</td>
                  <td>{d.others.suppressed ? `fewer than the threshold` : d.others.mean?.toFixed(2)}</td>
                  <td>{d.others.ciLow != null && d.others.ciHigh != null ? `${d.others.ciLow.toFixed(2)} – ${d.others.ciHigh.toFixed(2)}` : '—'}</td>
                  <td>{d.gap != null ? d.gap.toFixed(2) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}

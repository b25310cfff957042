import { useState, type FormEvent } from 'react';
import { Loading, useLoad } from '../components';
import { money } from '../format';
import { admin, type ReportLine } from './api';
import { BarChart } from './charts';
import { isMissingRoute, isoDay, Outcome, Problem, TableHead, useAction } from './common';

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function Table({
  lines,
  first,
  caption,
}: {
  lines: ReportLine[];
  first: (l: ReportLine) => string;
  caption: string;
}) {
  return (
    <div className="table-scroll">
      <table className="admin-table">
        <caption>{caption}</caption>
        <TableHead
          columns={[
            caption.startsWith('Per day') ? 'Day' : 'Film',
            'Seats',
            'Sold',
            'Held',
            'Blocked',
            'Refunded',
            'Occupancy',
            'Revenue',
          ]}
        />
        <tbody>
          {lines.map((l, i) => (
            <tr key={`${first(l)}-${i}`}>
              <th scope="row">{first(l)}</th>
              <td>{num(l.capacity)}</td>
              <td>{num(l.sold)}</td>
              <td>{num(l.held)}</td>
              <td>{num(l.blocked)}</td>
              <td>{num(l.refundedSeats)}</td>
              <td>{num(l.capacity) ? `${Math.round(num(l.occupancy) * 100)} %` : '—'}</td>
              <td>{money(num(l.netRevenue), l.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Reports() {
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 6 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const [range, setRange] = useState({ from, to });
  const [report, reload] = useLoad(() => admin.dailyReport(range.from, range.to), [range.from, range.to]);
  const csv = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRange({ from, to });
  };
  const download = () =>
    csv.run(async () => {
      const text = await admin.dailyReportCsv(range.from, range.to);
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `report-${range.from}-${range.to}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return 'The CSV file was downloaded.';
    });

  const days = report.state === 'ready' ? (report.value.days ?? []) : [];
  const movies = report.state === 'ready' ? (report.value.movies ?? []) : [];
  return (
    <>
      <h1>Occupancy and revenue</h1>
      <form className="filters" onSubmit={submit} aria-label="Report period">
        <label>
          From
          <input type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" required value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          Show
        </button>
        <button type="button" onClick={() => void download()} disabled={csv.busy}>
          Download CSV
        </button>
      </form>
      <Outcome action={csv} />
      {report.state === 'loading' && <Loading what="the report" />}
      {report.state === 'error' &&
        (isMissingRoute(report.error) ? (
          <p className="note info reports-unavailable">
            This server does not offer reports yet. Each showtime&apos;s page shows its occupancy from the
            seat map.
          </p>
        ) : (
          <Problem error={report.error} retry={reload} />
        ))}
      {report.state === 'ready' && (
        <>
          <h2>Seats per day</h2>
          <BarChart
            title={`Seats sold per day: ${days.map((d) => `${d.date ?? ''} ${num(d.sold)}`).join(', ')}`}
            bars={days.map((d) => ({
              label: `${d.date ?? ''} ${d.currency}`,
              parts: [
                { kind: 'sold', value: num(d.sold) },
                { kind: 'held', value: num(d.held) },
                { kind: 'blocked', value: num(d.blocked) },
              ],
              text: `${num(d.sold)} sold`,
            }))}
          />
          <h2>Revenue per day</h2>
          <BarChart
            title={`Revenue per day: ${days.map((d) => `${d.date ?? ''} ${money(num(d.netRevenue), d.currency)}`).join(', ')}`}
            bars={days.map((d) => ({
              label: `${d.date ?? ''} ${d.currency}`,
              parts: [{ kind: 'revenue', value: num(d.netRevenue) }],
              text: money(num(d.netRevenue), d.currency),
            }))}
          />
          <Table lines={days} first={(l) => `${l.date ?? ''} ${l.currency}`} caption="Per day" />
          <Table
            lines={movies}
            first={(l) => `${l.movieTitle ?? l.movieId ?? ''} (${l.currency})`}
            caption="Per film"
          />
        </>
      )}
    </>
  );
}

import { useEffect, useId } from 'react';
import { useMutation, useQuery } from '../../api/use-query';
import { teamName } from '../../auth/claims';
import { may } from '../../auth/permissions';
import { useClaims } from '../../auth/session';
import { OpenRetrospectiveDocument, PendingRetrospectivesDocument, type PendingRetrospectivesQuery } from '../../generated/graphql';
import { Link, navigate } from '../../routing/router';
import { instant, money, titleCase } from '../../ui/format';
import { Answer, Empty, ErrorMessage, Figure } from '../../ui/states';

type PendingDeal = PendingRetrospectivesQuery['pendingRetrospectives'][number];

/** Closed deals whose latest closure still waits for a concluded retrospective, oldest first. */
export function PendingRetrospectivesView() {
  const pending = useQuery(PendingRetrospectivesDocument, {});
  useEffect(() => {
    document.title = 'Retrospectives · Tandem';
  }, []);

  return (
    <>
      <h1 tabIndex={-1}>Retrospectives</h1>
      <p className="hint">Every win and loss is reviewed by both teams, each with its own perspective, until both conclude it.</p>
      <Answer query={pending} loading="Loading the pending retrospectives…">
        {(data) =>
          data.pendingRetrospectives.length === 0 ? (
            <Empty>Nothing pending: every closed deal has a concluded retrospective.</Empty>
          ) : (
            <section className="card" aria-labelledby="pending-heading">
              <h2 id="pending-heading">Pending</h2>
              <p className="hint">Closed deals without a concluded retrospective, oldest closure first.</p>
              <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="pending-heading">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Deal</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">Closed</th>
                      <th scope="col" className="number">Amount</th>
                      <th scope="col">Retrospective</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.pendingRetrospectives.map((deal) => (
                      <PendingRow key={deal.id} deal={deal} />
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )
        }
      </Answer>
    </>
  );
}

function PendingRow({ deal }: { deal: PendingDeal }) {
  const claims = useClaims();
  const open = useMutation(OpenRetrospectiveDocument);
  const errorId = useId();
  const start = async () => {
    const opened = await open.run({ input: { dealId: deal.id } });
    if (opened !== undefined) navigate({ view: 'retrospective', id: opened.openRetrospective.id });
  };
  const retrospective = deal.retrospective;
  const filed = retrospective?.perspectives.map((perspective) => teamName(perspective.team)) ?? [];
  return (
    <tr data-deal={deal.id}>
      <th scope="row">
        {deal.title}
        <span className="note">
          {deal.account}
          {deal.segment === null ? '' : ` · ${deal.segment}`}
        </span>
      </th>
      <td>
        <span className={`badge ${deal.status === 'WON' ? 'good' : 'warn'}`}>{titleCase(deal.status)}</span>
      </td>
      <td>{deal.closedAt === null ? '' : instant(deal.closedAt)}</td>
      <td className="number">
        <Figure value={deal.amount}>{money(deal.amount, deal.currency)}</Figure>
      </td>
      <td>
        {retrospective !== null && retrospective.status === 'OPEN' ? (
          <>
            <Link to={{ view: 'retrospective', id: retrospective.id }} aria-label={`Open the retrospective of ${deal.title}`}>
              Open the retrospective
            </Link>
            <span className="note">{filed.length === 0 ? 'no perspective filed yet' : `filed: ${filed.join(', ')}`}</span>
          </>
        ) : may.openRetrospective(claims) ? (
          <>
            <button
              type="button"
              onClick={() => void start()}
              disabled={open.pending}
              aria-label={`Start the retrospective of ${deal.title}`}
              aria-describedby={open.error === null ? undefined : errorId}
            >
              {open.pending ? 'Opening…' : 'Start the retrospective'}
            </button>
            {open.error !== null && <ErrorMessage error={open.error} id={errorId} />}
          </>
        ) : (
          'Not started'
        )}
      </td>
    </tr>
  );
}

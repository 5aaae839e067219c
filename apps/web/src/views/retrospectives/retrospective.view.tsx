import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../../api/use-query';
import { teamName, teamPossessive } from '../../auth/claims';
import { may, ownTeam } from '../../auth/permissions';
import { useClaims } from '../../auth/session';
import {
  AddActionItemDocument,
  CompleteActionItemDocument,
  ConcludeRetrospectiveDocument,
  FilePerspectiveDocument,
  RetrospectivePageDocument,
  type RetrospectiveDetailFragment,
  type RetrospectivePageQuery,
  type Team,
} from '../../generated/graphql';
import { Link } from '../../routing/router';
import { day, instant, money, titleCase } from '../../ui/format';
import { Answer, Empty, ErrorMessage, Figure } from '../../ui/states';

type Retrospective = RetrospectiveDetailFragment;
type CatalogReason = RetrospectivePageQuery['reasons'][number];

const TEAMS: readonly Team[] = ['MARKETING', 'SALES'];

/** One closure's retrospective: each team files its own view, then both conclude it together. */
export function RetrospectiveView({ id }: { id: string }) {
  const page = useQuery(RetrospectivePageDocument, { id });
  const retrospective = page.status === 'data' ? page.data.retrospective : null;
  const [latest, setLatest] = useState<Retrospective | null>(null);
  const shown = latest !== null && latest.id === id && (retrospective === null || latest.version >= retrospective.version) ? latest : retrospective;

  useEffect(() => {
    document.title = `${shown === null ? 'Retrospective' : `Retrospective: ${shown.deal.title}`} · Tandem`;
  }, [shown]);

  return (
    <>
      <p className="crumbs">
        <Link to={{ view: 'retrospectives' }}>Retrospectives</Link> /
      </p>
      <h1 tabIndex={-1}>{shown === null ? 'Retrospective' : `Retrospective: ${shown.deal.title}`}</h1>
      <Answer query={page} loading="Loading the retrospective…">
        {(data) =>
          shown === null ? (
            <Empty>There is no retrospective “{id}”.</Empty>
          ) : (
            <RetrospectiveBody retrospective={shown} catalog={data.reasons} onChanged={setLatest} />
          )
        }
      </Answer>
    </>
  );
}

function RetrospectiveBody({
  retrospective,
  catalog,
  onChanged,
}: {
  retrospective: Retrospective;
  catalog: readonly CatalogReason[];
  onChanged: (retrospective: Retrospective) => void;
}) {
  const claims = useClaims();
  const { deal } = retrospective;
  const kind = retrospective.outcome === 'WON' ? 'WIN' : 'LOSS';
  const reasons = catalog.filter((reason) => reason.kind === kind);
  const team = ownTeam(claims);
  const open = retrospective.status === 'OPEN';
  const bothFiled = TEAMS.every((each) => retrospective.perspectives.some((perspective) => perspective.team === each));

  return (
    <>
      <p className="meta">
        {deal.account} · <span className={`badge ${retrospective.outcome === 'WON' ? 'good' : 'warn'}`}>{titleCase(retrospective.outcome)}</span>{' '}
        <Figure value={deal.amount}>{money(deal.amount, deal.currency)}</Figure>
        {deal.closedAt === null ? '' : ` on ${instant(deal.closedAt)}`}
        {deal.lossReason === null ? '' : ` · loss reason: ${deal.lossReason.label}`}
        {deal.competitor === null ? '' : ` · competitor: ${deal.competitor}`} ·{' '}
        <span className={`status status-${retrospective.status.toLowerCase()}`}>{retrospective.status === 'OPEN' ? 'Open' : 'Concluded'}</span>
      </p>

      <div className="columns">
        {TEAMS.map((each) => (
          <PerspectiveCard key={each} team={each} retrospective={retrospective} />
        ))}
      </div>

      {open && team !== null && may.filePerspective(claims) && (
        <PerspectiveForm key={`${team}:${retrospective.version}`} team={team} retrospective={retrospective} reasons={reasons} onChanged={onChanged} />
      )}

      {retrospective.status === 'CONCLUDED' ? (
        <section className="card" aria-labelledby="conclusion-heading">
          <h2 id="conclusion-heading">Conclusion</h2>
          <p>
            Concluded {retrospective.concludedAt === null ? '' : instant(retrospective.concludedAt)}. Agreed reasons:{' '}
            {retrospective.agreedReasons.map((reason) => reason.label).join(', ')}.
          </p>
          <p className="quote">{retrospective.summary}</p>
        </section>
      ) : (
        may.concludeRetrospective(claims) &&
        (bothFiled ? (
          <ConcludeForm key={retrospective.version} retrospective={retrospective} reasons={reasons} onChanged={onChanged} />
        ) : (
          <section className="card" aria-labelledby="conclude-heading">
            <h2 id="conclude-heading">Conclude</h2>
            <p>Both teams file their perspective first; then either concludes it with the reasons both agree on.</p>
          </section>
        ))
      )}

      <ActionItems retrospective={retrospective} onChanged={onChanged} />
    </>
  );
}

function PerspectiveCard({ team, retrospective }: { team: Team; retrospective: Retrospective }) {
  const perspective = retrospective.perspectives.find((each) => each.team === team);
  const headingId = useId();
  return (
    <section className="card perspective" aria-labelledby={headingId} data-team={team}>
      <h2 id={headingId}>{teamPossessive(team)} perspective</h2>
      {perspective === undefined ? (
        <p className="empty">Not filed yet.</p>
      ) : (
        <>
          <ul className="tags">
            {perspective.reasons.map((reason) => (
              <li key={reason.code}>{reason.label}</li>
            ))}
          </ul>
          {perspective.notes !== null && perspective.notes !== '' && <p className="quote">{perspective.notes}</p>}
          <p className="by">
            Filed by {perspective.author}, {instant(perspective.filedAt)}
          </p>
        </>
      )}
    </section>
  );
}

function ReasonChoices({
  legend,
  reasons,
  chosen,
  onToggle,
  describedBy,
}: {
  legend: string;
  reasons: readonly CatalogReason[];
  chosen: ReadonlySet<string>;
  onToggle: (code: string) => void;
  describedBy?: string;
}) {
  const name = useId();
  return (
    <fieldset aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <ul className="choices">
        {reasons.map((reason) => (
          <li key={reason.code}>
            <label>
              <input type="checkbox" name={name} value={reason.code} checked={chosen.has(reason.code)} onChange={() => onToggle(reason.code)} />{' '}
              {reason.label} <span className="note">{titleCase(reason.category)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function toggled(set: ReadonlySet<string>, code: string): Set<string> {
  const next = new Set(set);
  if (next.has(code)) next.delete(code);
  else next.add(code);
  return next;
}

function PerspectiveForm({
  team,
  retrospective,
  reasons,
  onChanged,
}: {
  team: Team;
  retrospective: Retrospective;
  reasons: readonly CatalogReason[];
  onChanged: (retrospective: Retrospective) => void;
}) {
  const current = retrospective.perspectives.find((perspective) => perspective.team === team);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(current?.reasons.map((reason) => reason.code) ?? []));
  const [notes, setNotes] = useState(current?.notes ?? '');
  const file = useMutation(FilePerspectiveDocument);
  const notesId = useId();
  const errorId = useId();
  const headingId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const filed = await file.run({
      input: { retrospectiveId: retrospective.id, reasonCodes: [...chosen], notes: notes.trim() === '' ? null : notes, expectedVersion: retrospective.version },
    });
    if (filed !== undefined) onChanged(filed.filePerspective);
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{current === undefined ? `File ${teamPossessive(team)} perspective` : `Revise ${teamPossessive(team)} perspective`}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <ReasonChoices
          legend={`Why was it ${retrospective.outcome === 'WON' ? 'won' : 'lost'}? Choose 1 to 10 reasons`}
          reasons={reasons}
          chosen={chosen}
          onToggle={(code) => setChosen((set) => toggled(set, code))}
          describedBy={file.error?.field === 'reasonCodes' ? errorId : undefined}
        />
        <label htmlFor={notesId}>Notes (optional)</label>
        <textarea id={notesId} value={notes} onChange={(event) => setNotes(event.target.value)} rows={4} maxLength={5000} />
        {file.error !== null && <ErrorMessage error={file.error} id={errorId} />}
        <button type="submit" disabled={file.pending}>
          {file.pending ? 'Filing…' : `File ${teamPossessive(team)} perspective`}
        </button>
      </form>
    </section>
  );
}

function ConcludeForm({
  retrospective,
  reasons,
  onChanged,
}: {
  retrospective: Retrospective;
  reasons: readonly CatalogReason[];
  onChanged: (retrospective: Retrospective) => void;
}) {
  // Offered first: what both teams cited.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => {
    const [first, second] = retrospective.perspectives.map((perspective) => new Set(perspective.reasons.map((reason) => reason.code)));
    return new Set([...(first ?? [])].filter((code) => second?.has(code)));
  });
  const [summary, setSummary] = useState('');
  const conclude = useMutation(ConcludeRetrospectiveDocument);
  const summaryId = useId();
  const errorId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const concluded = await conclude.run({
      input: { retrospectiveId: retrospective.id, agreedReasonCodes: [...chosen], summary, expectedVersion: retrospective.version },
    });
    if (concluded !== undefined) onChanged(concluded.concludeRetrospective);
  };
  return (
    <section className="card" aria-labelledby="conclude-heading">
      <h2 id="conclude-heading">Conclude</h2>
      <form onSubmit={(event) => void submit(event)}>
        <ReasonChoices legend="Reasons both teams agree on" reasons={reasons} chosen={chosen} onToggle={(code) => setChosen((set) => toggled(set, code))} />
        <label htmlFor={summaryId}>Summary</label>
        <textarea
          id={summaryId}
          value={summary}
          onChange={(event) => setSummary(event.target.value)}
          rows={3}
          maxLength={5000}
          required
          aria-describedby={conclude.error?.field === 'summary' ? errorId : undefined}
        />
        {conclude.error !== null && <ErrorMessage error={conclude.error} id={errorId} />}
        <button type="submit" disabled={conclude.pending}>
          {conclude.pending ? 'Concluding…' : 'Conclude the retrospective'}
        </button>
      </form>
    </section>
  );
}

function ActionItems({ retrospective, onChanged }: { retrospective: Retrospective; onChanged: (retrospective: Retrospective) => void }) {
  const claims = useClaims();
  const allowed = may.changeActionItems(claims);
  const add = useMutation(AddActionItemDocument);
  const complete = useMutation(CompleteActionItemDocument);
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<Team>(ownTeam(claims) ?? 'MARKETING');
  const [due, setDue] = useState('');
  const descriptionId = useId();
  const ownerId = useId();
  const dueId = useId();
  const errorId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const added = await add.run({
      input: { retrospectiveId: retrospective.id, ownerTeam: owner, description, dueDate: due === '' ? null : due, expectedVersion: retrospective.version },
    });
    if (added !== undefined) {
      setDescription('');
      setDue('');
      onChanged(added.addActionItem);
    }
  };
  const finish = async (actionItemId: string) => {
    const done = await complete.run({ input: { retrospectiveId: retrospective.id, actionItemId, expectedVersion: retrospective.version } });
    if (done !== undefined) onChanged(done.completeActionItem);
  };
  return (
    <section className="card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Action items</h2>
      {retrospective.actionItems.length === 0 ? (
        <p className="empty">No action item yet.</p>
      ) : (
        <ul className="plain actions">
          {retrospective.actionItems.map((item) => (
            <li key={item.id}>
              <strong>{teamName(item.ownerTeam)}:</strong> {item.description}
              {item.dueDate === null ? '' : ` (due ${day(item.dueDate)})`}{' '}
              {item.completedAt !== null ? (
                <span className="badge good">Done {instant(item.completedAt)}</span>
              ) : (
                allowed && (
                  <button type="button" className="quiet" onClick={() => void finish(item.id)} disabled={complete.pending} aria-label={`Mark “${item.description}” done`}>
                    Mark done
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {complete.error !== null && <ErrorMessage error={complete.error} />}
      {allowed && (
        <form className="controls" onSubmit={(event) => void submit(event)} aria-label="Add an action item">
          <div className="field grow">
            <label htmlFor={descriptionId}>New action item</label>
            <input id={descriptionId} value={description} onChange={(event) => setDescription(event.target.value)} maxLength={500} required />
          </div>
          <div className="field">
            <label htmlFor={ownerId}>Owner</label>
            <select id={ownerId} value={owner} onChange={(event) => setOwner(event.target.value as Team)}>
              {TEAMS.map((team) => (
                <option key={team} value={team}>
                  {teamName(team)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={dueId}>Due (optional)</label>
            <input id={dueId} type="date" value={due} onChange={(event) => setDue(event.target.value)} />
          </div>
          <button type="submit" disabled={add.pending}>
            {add.pending ? 'Adding…' : 'Add'}
          </button>
          {add.error !== null && <ErrorMessage error={add.error} id={errorId} />}
        </form>
      )}
    </section>
  );
}

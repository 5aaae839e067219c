import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../../api/use-query';
import { roleName, teamName } from '../../auth/claims';
import { may } from '../../auth/permissions';
import { useClaims } from '../../auth/session';
import { EndorseQualificationDocument, QualificationDocument, ReviewQualificationDocument, type AgreementVersionFragment } from '../../generated/graphql';
import { instant } from '../../ui/format';
import { Answer, Empty, ErrorMessage } from '../../ui/states';

/** The qualification agreement: the version in force, and the one awaiting both team leads. */
export function QualificationSection() {
  const agreement = useQuery(QualificationDocument, {});
  return (
    <section aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">Qualification agreement</h2>
      <Answer query={agreement} loading="Loading the agreement…">
        {({ qualification }) =>
          qualification.inForce === null && qualification.proposal === null ? (
            <Empty>No qualification agreement yet: a lead of marketing or sales, or RevOps, proposes one, and both team leads endorse it.</Empty>
          ) : (
            <div className="columns">
              <section className="card" aria-labelledby="in-force-heading">
                <h3 id="in-force-heading">{qualification.inForce === null ? 'In force' : `In force: version ${qualification.inForce.version}`}</h3>
                {qualification.inForce === null ? (
                  <p>No version is in force yet: marketing hands off leads once both team leads have endorsed one.</p>
                ) : (
                  <>
                    <p>
                      Active since {qualification.inForce.activatedAt === null ? 'its activation' : instant(qualification.inForce.activatedAt)}.{' '}
                      {qualification.lastReviewedAt === null ? 'Not reviewed yet.' : `Last reviewed ${instant(qualification.lastReviewedAt)}.`}{' '}
                      {qualification.reviewDue && <span className="badge warn">Review due</span>}
                    </p>
                    <Terms version={qualification.inForce} />
                    <ReviewForm key={qualification.version} onChange={agreement.refetch} />
                  </>
                )}
              </section>
              <section className="card" aria-labelledby="proposal-heading">
                <h3 id="proposal-heading">{qualification.proposal === null ? 'Awaiting endorsement' : `Awaiting endorsement: version ${qualification.proposal.version}`}</h3>
                {qualification.proposal === null ? (
                  <p>No version awaits endorsement.</p>
                ) : (
                  <Proposal version={qualification.proposal} onChange={agreement.refetch} />
                )}
              </section>
            </div>
          )
        }
      </Answer>
    </section>
  );
}

/** What a version asks of a lead, and of sales. */
function Terms({ version }: { version: AgreementVersionFragment }) {
  return (
    <>
      <p>
        A lead meets it with at least {version.minimumMet} of these {version.criteria.length} criteria, every required one included. Sales answers within{' '}
        {version.respondWithinHours} hours; both teams review it every {version.reviewEveryDays} days.
      </p>
      <ul className="plain criteria">
        {version.criteria.map((criterion) => (
          <li key={criterion.code} data-criterion={criterion.code}>
            <strong>{criterion.description}</strong> {criterion.required && <span className="badge good">Required</span>}
            <span className="note">{criterion.code}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Both teams look at the version in force every so often, and record that it stands. */
function ReviewForm({ onChange }: { onChange: () => void }) {
  const claims = useClaims();
  const review = useMutation(ReviewQualificationDocument);
  const [note, setNote] = useState('');
  const noteId = useId();
  const errorId = useId();
  if (!may.reviewQualification(claims)) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await review.run({ input: { note: note.trim() === '' ? null : note.trim() } });
    if (done !== undefined) onChange();
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Review the agreement in force">
      <p className="hint">A review records that the version in force was looked at again and stands.</p>
      <label htmlFor={noteId}>Review note (optional)</label>
      <textarea
        id={noteId}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        rows={2}
        maxLength={2000}
        aria-describedby={review.error?.field === 'note' ? errorId : undefined}
      />
      {review.error !== null && <ErrorMessage error={review.error} id={errorId} />}
      <button type="submit" className="secondary" disabled={review.pending}>
        {review.pending ? 'Recording…' : 'Record a review'}
      </button>
    </form>
  );
}

function Proposal({ version, onChange }: { version: AgreementVersionFragment; onChange: () => void }) {
  const claims = useClaims();
  const endorse = useMutation(EndorseQualificationDocument);
  const errorId = useId();
  const send = async () => {
    const done = await endorse.run({ input: { version: version.version } });
    if (done !== undefined) onChange();
  };
  return (
    <>
      <p>
        Proposed by {version.proposedBy} on {instant(version.proposedAt)}; in force once both team leads have endorsed it.
      </p>
      <ul className="plain">
        {(['MARKETING', 'SALES'] as const).map((team) => {
          const endorsement = version.endorsements.find((entry) => entry.team === team);
          return (
            <li key={team} data-team={team}>
              <strong>{teamName(team)}:</strong> {endorsement === undefined ? 'not endorsed yet' : `endorsed by ${endorsement.by} on ${instant(endorsement.at)}`}
            </li>
          );
        })}
      </ul>
      <Terms version={version} />
      {may.endorseQualification(claims, version) && (
        <>
          <button type="button" onClick={() => void send()} disabled={endorse.pending} aria-describedby={endorse.error === null ? undefined : errorId}>
            {endorse.pending ? 'Endorsing…' : `Endorse version ${version.version} as ${roleName(claims)}`}
          </button>
          {endorse.error !== null && <ErrorMessage error={endorse.error} id={errorId} />}
        </>
      )}
    </>
  );
}

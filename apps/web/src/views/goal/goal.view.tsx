import { useEffect, useId, useMemo, useState } from 'react';
import { useApi } from '../../api/api-context';
import { useMutation, useQuery } from '../../api/use-query';
import { roleName, teamName } from '../../auth/claims';
import { may } from '../../auth/permissions';
import { useClaims } from '../../auth/session';
import {
  EndorseGoalDocument,
  GoalListDocument,
  GoalLiveDocument,
  GoalPaceDocument,
  GoalViewDocument,
  type AttributionModel,
  type GoalPaceQuery,
  type GoalPaceQueryVariables,
  type GoalViewQuery,
  type PacePointFragment,
} from '../../generated/graphql';
import { navigate } from '../../routing/router';
import { MODELS } from '../../routing/routes';
import { Chart } from '../../ui/chart';
import { count, day, instant, modelName, money, percent, period, times, titleCase } from '../../ui/format';
import { Answer, Empty, ErrorMessage, Figure, Loading } from '../../ui/states';
import { paceChart, paceMoments, PACE_POINTS } from './goal-pace';

type Goal = NonNullable<GoalViewQuery['sharedGoal']>;

/** The goal people open first: the active one, else one awaiting endorsement, else any. */
export function HomeView() {
  const goals = useQuery(GoalListDocument, {});
  const chosen =
    goals.status === 'data'
      ? (goals.data.sharedGoals.find((goal) => goal.status === 'ACTIVE') ??
        goals.data.sharedGoals.find((goal) => goal.status === 'PROPOSED') ??
        goals.data.sharedGoals[0])
      : undefined;

  useEffect(() => {
    document.title = 'Goal · Tandem';
  }, []);
  useEffect(() => {
    if (chosen !== undefined) navigate({ view: 'goal', goalId: chosen.id, model: 'SHARED' }, { replace: true });
  }, [chosen]);

  return (
    <>
      <h1 tabIndex={-1}>Goal</h1>
      <Answer query={goals} loading="Loading the shared goals…">
        {(data) =>
          data.sharedGoals.length === 0 ? (
            <Empty>No shared goal yet. An executive or RevOps proposes one, and both team leads endorse it.</Empty>
          ) : (
            <Loading>Opening the goal…</Loading>
          )
        }
      </Answer>
    </>
  );
}

export function GoalView({ goalId, model }: { goalId: string; model: AttributionModel }) {
  const view = useQuery(GoalViewDocument, { id: goalId, model }, { keepPrevious: true });
  const goal = view.status === 'data' ? view.data.sharedGoal : undefined;
  const live = useLiveProgress(goalId, view.refetch);

  useEffect(() => {
    document.title = `${goal?.name ?? 'Goal'} · Tandem`;
  }, [goal?.name]);

  return (
    <>
      <h1 tabIndex={-1}>{goal?.name ?? 'Goal'}</h1>
      <Answer query={view} loading="Loading the goal…">
        {(data, refreshing) =>
          data.sharedGoal === null ? (
            <>
              <GoalPicker goals={data.sharedGoals} goalId={goalId} model={model} />
              <Empty>There is no shared goal “{goalId}”. Pick one above.</Empty>
            </>
          ) : (
            <GoalBody goal={data.sharedGoal} goals={data.sharedGoals} model={model} refreshing={refreshing} live={live} onChange={view.refetch} />
          )
        }
      </Answer>
    </>
  );
}

interface LiveState {
  readonly updates: number;
  readonly error: string | null;
}

/** goalProgressChanged: each change that moves the goal asks the view again. */
function useLiveProgress(goalId: string, refetch: () => void): LiveState {
  const api = useApi();
  const [state, setState] = useState<LiveState>({ updates: 0, error: null });
  useEffect(() => {
    // The first message is the progress as it stands when subscribing: already on screen.
    let first = true;
    return api.subscribe(
      GoalLiveDocument,
      { goalId },
      {
        next: () => {
          if (first) {
            first = false;
            return;
          }
          refetch();
          setState((current) => ({ updates: current.updates + 1, error: null }));
        },
        error: (error) => setState((current) => ({ ...current, error: error.message })),
      },
    );
  }, [api, goalId, refetch]);
  return state;
}

function GoalPicker({ goals, goalId, model }: { goals: GoalViewQuery['sharedGoals']; goalId: string; model: AttributionModel }) {
  const goalField = useId();
  const modelField = useId();
  return (
    <div className="controls">
      <div className="field">
        <label htmlFor={goalField}>Shared goal</label>
        <select id={goalField} value={goalId} onChange={(event) => navigate({ view: 'goal', goalId: event.target.value, model })}>
          {!goals.some((goal) => goal.id === goalId) && <option value={goalId}>{goalId}</option>}
          {goals.map((goal) => (
            <option key={goal.id} value={goal.id}>
              {goal.name} ({titleCase(goal.status)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={modelField}>Credit model</label>
        <select id={modelField} value={model} onChange={(event) => navigate({ view: 'goal', goalId, model: event.target.value as AttributionModel })}>
          {MODELS.map((option) => (
            <option key={option} value={option}>
              {modelName(option)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function GoalBody({
  goal,
  goals,
  model,
  refreshing,
  live,
  onChange,
}: {
  goal: Goal;
  goals: GoalViewQuery['sharedGoals'];
  model: AttributionModel;
  refreshing: boolean;
  live: LiveState;
  onChange: () => void;
}) {
  const { progress, currency } = goal;
  const cash = (amount: string) => <Figure value={amount}>{money(amount, currency)}</Figure>;
  return (
    <>
      <p className="meta">
        {period(goal.periodStart, goal.periodEnd)} · {goal.segment === null ? 'All segments' : `Segment ${goal.segment}`} ·{' '}
        <span className={`status status-${goal.status.toLowerCase()}`}>{titleCase(goal.status)}</span>
      </p>
      <GoalPicker goals={goals} goalId={goal.id} model={model} />

      <section aria-labelledby="progress-heading" className="card">
        <h2 id="progress-heading">Progress</h2>
        <dl className="figures">
          <div className="figure wide">
            <dt>Won revenue</dt>
            <dd>
              <span className="big">{cash(progress.wonRevenue)}</span> of {cash(progress.target)} target
            </dd>
          </div>
          <div className="figure">
            <dt>Attainment</dt>
            <dd>
              <span className="big">
                <Figure value={progress.attainment}>{percent(progress.attainment)}</Figure>
              </span>{' '}
              <span className={progress.onPace ? 'badge good' : 'badge warn'}>{progress.onPace ? 'On pace' : 'Behind pace'}</span>
              <br />
              pace <Figure value={progress.expectedAttainment}>{percent(progress.expectedAttainment)}</Figure> of the period
            </dd>
          </div>
          <div className="figure">
            <dt>Remaining</dt>
            <dd>
              <span className="big">{cash(progress.remaining)}</span>
            </dd>
          </div>
          <div className="figure">
            <dt>Open pipeline</dt>
            <dd>
              <span className="big">{cash(progress.openPipeline)}</span>
            </dd>
          </div>
          <div className="figure">
            <dt>Pipeline coverage</dt>
            <dd>
              <span className="big">
                {progress.pipelineCoverage === null ? 'None needed' : <Figure value={progress.pipelineCoverage}>{times(progress.pipelineCoverage)}</Figure>}
              </span>
              <br />
              required{' '}
              {progress.requiredCoverage === null ? 'unknown until a deal closes' : <Figure value={progress.requiredCoverage}>{times(progress.requiredCoverage)}</Figure>}
            </dd>
          </div>
          <div className="figure">
            <dt>Win rate</dt>
            <dd>
              <span className="big">{progress.winRate === null ? 'No deal closed' : <Figure value={progress.winRate}>{percent(progress.winRate)}</Figure>}</span>
              <br />
              <Figure value={progress.wonDeals}>{progress.wonDeals}</Figure> won, <Figure value={progress.lostDeals}>{progress.lostDeals}</Figure> lost
            </dd>
          </div>
        </dl>
        <p className="as-of" aria-live="polite">
          As of {instant(progress.asOf)}
          {refreshing ? ' · updating…' : ''}
          {live.error === null ? (live.updates > 0 ? ` · updated live (${live.updates})` : ' · live') : ` · live updates paused: ${live.error}`}
        </p>
      </section>

      <PaceSection goal={goal} />

      <section aria-labelledby="credit-heading" className="card">
        <h2 id="credit-heading">Credit by team</h2>
        <p className="hint">Won deals credited to each team under the {modelName(progress.model)} model. Sourced and influenced revenue do not depend on the model.</p>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="credit-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col" className="number">Credited revenue</th>
                <th scope="col" className="number">Credited wins</th>
                <th scope="col" className="number">Sourced revenue</th>
                <th scope="col" className="number">Influenced revenue</th>
              </tr>
            </thead>
            <tbody>
              {progress.credit.map((row) => (
                <tr key={row.team} data-team={row.team}>
                  <th scope="row">{teamName(row.team)}</th>
                  <td className="number" data-column="creditedRevenue">{cash(row.creditedRevenue)}</td>
                  <td className="number" data-column="creditedWins">
                    <Figure value={row.creditedWins}>{count(row.creditedWins)}</Figure>
                  </td>
                  <td className="number" data-column="sourcedRevenue">{cash(row.sourcedRevenue)}</td>
                  <td className="number" data-column="influencedRevenue">{cash(row.influencedRevenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="columns">
        <Endorsements goal={goal} onChange={onChange} />
        <TargetChanges goal={goal} />
      </div>
    </>
  );
}

function PaceSection({ goal }: { goal: Goal }) {
  const proposedAt = goal.targetHistory[0]?.at ?? goal.progress.asOf;
  const moments = paceMoments(goal.periodStart, goal.periodEnd, proposedAt, goal.progress.asOf);
  const variables: GoalPaceQueryVariables | null =
    moments === null ? null : { id: goal.id, ...(Object.fromEntries(moments.map((moment, index) => [`a${index}`, moment])) as Omit<GoalPaceQueryVariables, 'id'>) };
  const pace = useQuery(GoalPaceDocument, variables, { keepPrevious: true });
  const points = useMemo(() => (pace.status === 'data' ? pointsOf(pace.data) : []), [pace]);
  const option = useMemo(() => paceChart(points, goal.targetHistory, goal.currency), [points, goal.targetHistory, goal.currency]);

  return (
    <section aria-labelledby="pace-heading" className="card">
      <h2 id="pace-heading">Won revenue against pace</h2>
      {moments === null ? (
        <Empty>The period starts on {day(goal.periodStart)}: nothing to chart yet.</Empty>
      ) : (
        <Answer query={pace} loading="Loading progress across the period…">
          {() => (
            <>
              <Chart
                option={option}
                label={`Line chart: won revenue as a share of the target at ${points.length} moments from ${instant(points[0]?.asOf ?? proposedAt)}, against the pace line. The same figures are in the table below.`}
              />
              <details>
                <summary>The figures behind the chart</summary>
                <p className="hint">Progress as known at each moment</p>
                <div className="table-scroll" tabIndex={0} role="region" aria-label="Progress across the period">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">As of</th>
                        <th scope="col" className="number">Won revenue</th>
                        <th scope="col" className="number">Target then</th>
                        <th scope="col" className="number">Attainment</th>
                        <th scope="col" className="number">Pace</th>
                      </tr>
                    </thead>
                    <tbody>
                      {points.map((point) => (
                        <tr key={point.asOf}>
                          <th scope="row">{instant(point.asOf)}</th>
                          <td className="number">{money(point.wonRevenue, goal.currency)}</td>
                          <td className="number">{money(point.target, goal.currency)}</td>
                          <td className="number">{percent(point.attainment)}</td>
                          <td className="number">{percent(point.expectedAttainment)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </>
          )}
        </Answer>
      )}
    </section>
  );
}

function pointsOf(data: GoalPaceQuery): PacePointFragment[] {
  const goal = data.sharedGoal;
  if (goal === null) return [];
  return Array.from({ length: PACE_POINTS }, (_, index) => goal[`p${index}` as keyof typeof goal] as PacePointFragment | undefined).filter(
    (point): point is PacePointFragment => point !== undefined,
  );
}

function Endorsements({ goal, onChange }: { goal: Goal; onChange: () => void }) {
  const claims = useClaims();
  const endorse = useMutation(EndorseGoalDocument);
  const errorId = useId();
  const send = async () => {
    const done = await endorse.run({ input: { goalId: goal.id, expectedVersion: goal.version } });
    if (done !== undefined) onChange();
  };
  return (
    <section aria-labelledby="endorsements-heading" className="card">
      <h2 id="endorsements-heading">Endorsements</h2>
      <p>
        {goal.status === 'ACTIVE'
          ? 'Both team leads signed this number.'
          : goal.status === 'PROPOSED'
            ? 'Awaiting both team leads: the goal is active once both have endorsed it.'
            : 'The goal is closed.'}
      </p>
      <ul className="plain">
        {(['MARKETING', 'SALES'] as const).map((team) => {
          const endorsement = goal.endorsements.find((entry) => entry.team === team);
          return (
            <li key={team} data-team={team}>
              <strong>{teamName(team)}:</strong>{' '}
              {endorsement === undefined ? 'not endorsed yet' : `endorsed by ${endorsement.by} on ${instant(endorsement.at)}`}
            </li>
          );
        })}
      </ul>
      {may.endorseGoal(claims, goal) && (
        <>
          <button type="button" onClick={() => void send()} disabled={endorse.pending} aria-describedby={endorse.error === null ? undefined : errorId}>
            {endorse.pending ? 'Endorsing…' : `Endorse as ${roleName(claims)}`}
          </button>
          {endorse.error !== null && <ErrorMessage error={endorse.error} id={errorId} />}
        </>
      )}
    </section>
  );
}

function TargetChanges({ goal }: { goal: Goal }) {
  return (
    <section aria-labelledby="targets-heading" className="card">
      <h2 id="targets-heading">Target changes</h2>
      <ol className="plain timeline">
        {goal.targetHistory.map((change) => (
          <li key={change.at}>
            <span className="when">{instant(change.at)}</span>{' '}
            {change.from === null ? (
              <>target set to {money(change.to, goal.currency)}</>
            ) : (
              <>
                {money(change.from, goal.currency)} → {money(change.to, goal.currency)}
                {change.reason === null ? '' : `: ${change.reason}`}
              </>
            )}{' '}
            <span className="by">by {change.by}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

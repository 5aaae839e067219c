import { useEffect, useMemo, useRef } from 'react';
import { httpApi, type Api } from './api/api';
import { ApiProvider } from './api/api-context';
import { roleName } from './auth/claims';
import { useSession } from './auth/session';
import { SignInView } from './auth/sign-in.view';
import { Link, useRoute } from './routing/router';
import type { Route } from './routing/routes';
import { GoalView, HomeView } from './views/goal/goal.view';
import { LeadsView } from './views/leads/leads.view';
import { ReasonsView } from './views/reasons/reasons.view';
import { PendingRetrospectivesView } from './views/retrospectives/pending-retrospectives.view';
import { RetrospectiveView } from './views/retrospectives/retrospective.view';
import { ScoreboardView } from './views/scoreboard/scoreboard.view';

const NAVIGATION: readonly { readonly label: string; readonly route: Route; readonly views: readonly Route['view'][] }[] = [
  { label: 'Goal', route: { view: 'home' }, views: ['home', 'goal'] },
  { label: 'Scoreboard', route: { view: 'scoreboard' }, views: ['scoreboard'] },
  { label: 'Reasons', route: { view: 'reasons', kind: 'LOSS' }, views: ['reasons'] },
  { label: 'Leads', route: { view: 'leads' }, views: ['leads'] },
  { label: 'Retrospectives', route: { view: 'retrospectives' }, views: ['retrospectives', 'retrospective'] },
];

/** The page: sign-in until there is a token, then the view the URL names. */
export function App({ makeApi = defaultApi }: { makeApi?: (token: string, onUnauthenticated: (message: string) => void) => Api }) {
  const { session, signOut } = useSession();
  const route = useRoute();
  const api = useMemo(
    () => (session === null ? null : makeApi(session.token, (message) => signOut(`Your session ended: ${message}. Sign in again.`))),
    [session, makeApi, signOut],
  );
  useEffect(() => () => api?.close(), [api]);
  const main = useRef<HTMLElement>(null);
  const path = session === null ? 'sign-in' : `${route.view}:${'id' in route ? route.id : ''}${'goalId' in route ? route.goalId : ''}`;

  // A new view takes the focus to its heading, as a new page would, for keyboards and screen readers.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Tandem</span>
        {session !== null && (
          <>
            <nav aria-label="Views">
              <ul>
                {NAVIGATION.map((item) => (
                  <li key={item.label}>
                    <Link to={item.route} aria-current={item.views.includes(route.view) ? 'page' : undefined}>
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="who">
              <span>
                {session.claims.name ?? session.claims.sub} <span className="role">{roleName(session.claims)}</span>
              </span>
              <button type="button" className="quiet" onClick={() => signOut()}>
                Sign out
              </button>
            </div>
          </>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {session === null || api === null ? (
          <SignInView />
        ) : (
          <ApiProvider api={api}>
            <View route={route} />
          </ApiProvider>
        )}
      </main>
    </>
  );
}

function defaultApi(token: string, onUnauthenticated: (message: string) => void): Api {
  return httpApi(token, { onUnauthenticated: (error) => onUnauthenticated(error.message) });
}

export function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'home':
      return <HomeView />;
    case 'goal':
      return <GoalView key={route.goalId} goalId={route.goalId} model={route.model} />;
    case 'scoreboard':
      return <ScoreboardView route={route} />;
    case 'reasons':
      return <ReasonsView route={route} />;
    case 'leads':
      return <LeadsView route={route} />;
    case 'retrospectives':
      return <PendingRetrospectivesView />;
    case 'retrospective':
      return <RetrospectiveView key={route.id} id={route.id} />;
    case 'not-found':
      return <NotFound path={route.path} />;
  }
}

function NotFound({ path }: { path: string }) {
  useEffect(() => {
    document.title = 'Not found · Tandem';
  }, []);
  return (
    <>
      <h1 tabIndex={-1}>Nothing here</h1>
      <p>
        The page has no view at <code>{path}</code>. <Link to={{ view: 'home' }}>Go to the goal</Link>.
      </p>
    </>
  );
}

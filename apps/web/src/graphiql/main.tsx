import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './ide.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { tandemFetcher } from './fetcher';

/** What a newcomer runs first: the goals and their progress, the demo's numbers. */
const FIRST_QUERY = `# Tandem's GraphQL API. Every request needs a token:
# see the Headers tab below (outside production it
# holds a development token from /dev-tokens).
query Goals {
  sharedGoals {
    id
    name
    status
    periodStart
    periodEnd
    progress {
      target
      wonRevenue
      attainment
      expectedAttainment
      onPace
    }
  }
}
`;

/** The development tokens the service made itself, when it hands them out (never in production). */
async function devToken(): Promise<string | undefined> {
  try {
    const response = await fetch('/dev-tokens', { headers: { accept: 'application/json' } });
    if (!response.ok) return undefined;
    const tokens = (await response.json()) as Record<string, unknown>;
    const token = tokens['revops'];
    return typeof token === 'string' ? token : undefined;
  } catch {
    return undefined;
  }
}

const token = await devToken();
const headers = token === undefined ? '{\n  "authorization": "Bearer <token>"\n}' : JSON.stringify({ authorization: `Bearer ${token}` }, null, 2);

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={tandemFetcher(window.location.origin)} defaultQuery={FIRST_QUERY} headers={headers} defaultHeaders={headers} defaultEditorToolsVisibility="headers" />
  </StrictMode>,
);

import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, httpApi } from '../api/api';
import { asApiError } from '../api/use-query';
import { SignInCheckDocument } from '../generated/graphql';
import { ErrorMessage } from '../ui/states';
import { claimsOf } from './claims';
import { fetchDevTokens, type DevToken } from './dev-tokens';
import { useSession } from './session';

export interface SignInServices {
  /** Resolves when the service accepts the token; rejects with its answer otherwise. */
  readonly check: (token: string) => Promise<void>;
  readonly devTokens: () => Promise<readonly DevToken[]>;
}

const realServices: SignInServices = {
  check: async (token) => {
    const api = httpApi(token);
    await api.request(SignInCheckDocument, {});
  },
  devTokens: fetchDevTokens,
};

/** Paste a token, or outside production pick one of the development tokens the service made. */
export function SignInView({ services = realServices }: { services?: SignInServices }) {
  const { signIn, notice } = useSession();
  const [token, setToken] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);
  const [devTokens, setDevTokens] = useState<readonly DevToken[] | null>(null);
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    document.title = 'Sign in · Tandem';
    let current = true;
    void services.devTokens().then((tokens) => current && setDevTokens(tokens));
    return () => {
      current = false;
    };
  }, [services]);

  const attempt = async (candidate: string) => {
    setError(null);
    if (claimsOf(candidate) === null) {
      setError(new ApiError('BAD_USER_INPUT', 'This is not a token: paste the whole JWT, three parts separated by dots, with a team claim', 'token'));
      return;
    }
    setChecking(true);
    try {
      await services.check(candidate.trim());
      signIn(candidate);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setChecking(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void attempt(token);
  };

  return (
    <div className="sign-in">
      <h1 tabIndex={-1}>Sign in to Tandem</h1>
      <p>Sales and marketing on one scoreboard: shared goals, credit for every win, and the reasons that keep coming back.</p>
      {notice !== null && (
        <p className="state notice" role="alert">
          {notice}
        </p>
      )}
      <form onSubmit={submit} className="card" noValidate>
        <label htmlFor={fieldId}>Access token</label>
        <p id={hintId} className="hint">
          The bearer token (JWT) you were given. It stays in this browser tab only; signing out forgets it.
        </p>
        <textarea
          id={fieldId}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={error === null ? hintId : `${hintId} ${errorId}`}
          aria-invalid={error !== null}
          required
        />
        {error !== null && <ErrorMessage error={error} id={errorId} />}
        <button type="submit" disabled={checking || token.trim() === ''}>
          {checking ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {devTokens !== null && devTokens.length > 0 && (
        <section className="card" aria-labelledby="dev-tokens-heading">
          <h2 id="dev-tokens-heading">Development tokens</h2>
          <p className="hint">This service has no auth configuration and made these tokens itself. Outside production only.</p>
          <ul className="token-list">
            {devTokens.map((devToken) => (
              <li key={devToken.key}>
                <button type="button" onClick={() => void attempt(devToken.token)} disabled={checking}>
                  Sign in as {devToken.label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

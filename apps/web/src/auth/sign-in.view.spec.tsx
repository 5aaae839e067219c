import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, renderAs, tokenWith } from '../testing/render';
import { claimsOf } from './claims';
import type { DevToken } from './dev-tokens';
import { useSession } from './session';
import { SignInView, type SignInServices } from './sign-in.view';

const salesLead = tokenWith({ team: 'SALES', lead: true, sub: 'sara', name: 'Sara' });

function Signed() {
  const { session } = useSession();
  return session === null ? <SignInView services={services} /> : <p>Signed in as {session.claims.sub}</p>;
}

let services: SignInServices;

const devToken = (token: string): DevToken => ({ key: 'salesLead', token, claims: claimsOf(token)!, label: 'Sara (Sales lead)' });

describe('signing in', () => {
  it('offers the development tokens the service made, and signs in with one', async () => {
    services = { check: async () => undefined, devTokens: async () => [devToken(salesLead)] };
    renderAs(null, <Signed />);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in as Sara (Sales lead)' }));
    expect(await screen.findByText('Signed in as sara')).toBeInTheDocument();
    expect(window.sessionStorage.getItem('tandem.token')).toBe(salesLead);
  });

  it('shows no picker where the service made no tokens (production, or auth configured)', async () => {
    let asked = false;
    services = {
      check: async () => undefined,
      devTokens: async () => {
        asked = true;
        return [];
      },
    };
    renderAs(null, <Signed />);
    await screen.findByRole('heading', { name: 'Sign in to Tandem' });
    expect(asked).toBe(true);
    expect(screen.queryByRole('heading', { name: 'Development tokens' })).toBeNull();
  });

  it('says what is wrong with a pasted text that is no token, beside the field', async () => {
    services = { check: async () => undefined, devTokens: async () => [] };
    renderAs(null, <Signed />);
    await userEvent.type(screen.getByLabelText('Access token'), 'hello');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('This is not a token');
    expect(screen.getByLabelText('Access token')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the service refusing a token in its words, and stays signed out', async () => {
    services = { check: async () => Promise.reject(apiError('UNAUTHENTICATED', 'The token has expired')), devTokens: async () => [] };
    renderAs(null, <Signed />);
    await userEvent.type(screen.getByLabelText('Access token'), salesLead);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please sign in again: The token has expired');
    expect(window.sessionStorage.getItem('tandem.token')).toBeNull();
  });
});

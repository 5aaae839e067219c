import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAs } from '../../testing/render';
import { LeadsView } from './leads.view';

describe('the leads view', () => {
  it('says that this service does not serve leads yet', () => {
    renderAs('salesLead', <LeadsView />);
    expect(screen.getByRole('heading', { level: 2, name: 'Not available on this server yet' })).toBeInTheDocument();
  });
});

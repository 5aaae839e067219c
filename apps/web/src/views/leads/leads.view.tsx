import { useEffect } from 'react';

/**
 * Leads (PRODUCT §9) are in the contract but not yet served by this service (schema.gql has no
 * qualification or leads): the route and the navigation are in place, and the view says so.
 */
export function LeadsView() {
  useEffect(() => {
    document.title = 'Leads · Tandem';
  }, []);
  return (
    <>
      <h1 tabIndex={-1}>Leads</h1>
      <section className="card" aria-labelledby="leads-unavailable">
        <h2 id="leads-unavailable">Not available on this server yet</h2>
        <p>
          This service does not serve leads yet. Once it does, this view shows the handoff funnel for a period per version of the qualification
          agreement, sales' inbox with the overdue leads first, and the agreement in force with the version awaiting endorsement.
        </p>
      </section>
    </>
  );
}

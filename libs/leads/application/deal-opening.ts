import type { OpenDeal } from '#deals';
import type { LeadConverted } from '../domain/index.js';

/** The deal a conversion opens, as openDeal would, with the lead's MARKETING touch of that handoff. */
export function dealOpening(conversion: LeadConverted['data']): OpenDeal {
  return {
    type: 'OpenDeal',
    dealId: conversion.dealId,
    title: conversion.title,
    account: conversion.account,
    segment: conversion.segment,
    source: 'MARKETING',
    owner: conversion.owner,
    amountMinor: conversion.amountMinor,
    currency: conversion.currency,
    expectedCloseDate: conversion.expectedCloseDate,
    openedAt: Date.parse(conversion.convertedAt),
    lead: {
      leadId: conversion.leadId,
      touchId: `lead-${conversion.leadId}-${conversion.handoff}`,
      channel: conversion.channel,
      campaign: conversion.campaign,
      handedOffAt: Date.parse(conversion.handedOffAt),
    },
  };
}
